package com.contactsync.normalize.mapping;

/** What the values a path selects are: email entries, phone entries, or values never to check for contacts. */
public enum RuleKind {
    EMAILS("emails"), PHONES("phones"), IGNORE("ignore");

    private final String key;

    RuleKind(String key) {
        this.key = key;
    }

    /** The section of the mapping's YAML. */
    public String key() {
        return key;
    }
}
