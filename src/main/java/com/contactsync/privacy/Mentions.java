package com.contactsync.privacy;

import java.util.List;

/**
 * Finds a contact written inside free text (notes, evidence in quality issues, dead-letter bytes)
 * and cuts it out, where no normalizer can say what an entry is.
 */
interface Mentions {

    boolean in(String text);

    /** The text with every mention removed. */
    default String cut(String text) {
        return replace(text, "");
    }

    /** The text with every mention replaced by {@code replacement} (taken literally). */
    String replace(String text, String replacement);

    /** Lower-case substrings every mention contains once reduced the same way (see implementations), for coarse SQL filters. */
    List<String> needles();

    static Mentions of(ContactKey key) {
        return key.kind() == ContactKey.Kind.EMAIL ? new EmailMentions(key.value()) : new PhoneMentions(key.value());
    }
}
