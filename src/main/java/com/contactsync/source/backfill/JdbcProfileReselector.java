package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;
import com.contactsync.source.ProfileReselector;

/**
 * Reads one profile again with the backfill's page statement (one autocommit statement on a
 * named, read-only session, the snapshot in the same statement): a one-row keyset page.
 */
public final class JdbcProfileReselector implements ProfileReselector {

    private static final long serialVersionUID = 1L;

    private final BackfillSettings settings;
    private transient KeysetPageReader pages;

    public JdbcProfileReselector(BackfillSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() {
        pages = new KeysetPageReader(settings);
    }

    @Override
    public ProfileEvent reselect(long profileId) throws Exception {
        if (profileId == Long.MIN_VALUE) {
            throw new IllegalArgumentException("cannot read id " + Long.MIN_VALUE + " by keyset");
        }
        try {
            KeysetPageReader.Page page = pages.page(profileId - 1, profileId, 1, null);
            return page.rows().isEmpty() ? ProfileEvent.absent(profileId, page.snapshot()) : page.rows().get(0);
        } catch (Exception e) {
            pages.close(); // a fresh session next time
            throw new java.io.IOException("could not read profile " + profileId + " again from the source", e);
        }
    }

    @Override
    public void close() throws Exception {
        if (pages != null) {
            pages.close();
        }
    }
}
