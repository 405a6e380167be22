package com.contactsync.source.change;

/** The change topic lost events the job had not read ({@link ChangeTopicGap}); restarting cannot help. */
public final class ChangeTopicGapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ChangeTopicGap gap;

    public ChangeTopicGapException(ChangeTopicGap gap) {
        super(gap.message());
        this.gap = gap;
    }

    public ChangeTopicGap gap() {
        return gap;
    }
}
