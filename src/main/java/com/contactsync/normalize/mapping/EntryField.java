package com.contactsync.normalize.mapping;

import java.util.Locale;

/** The fields of an entry object that a mapping names: where an entry's value, type, region and extension are. */
public enum EntryField {
    EMAIL, PHONE, TYPE, REGION, EXTENSION;

    /** The name in the mapping's YAML ({@code email}, {@code phone}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field holding the value of an entry of this kind. */
    static EntryField valueOf(RuleKind kind) {
        return kind == RuleKind.EMAILS ? EMAIL : PHONE;
    }

    /** Whether a rule of this kind may override the field: an email has no phone, region or extension. */
    boolean appliesTo(RuleKind kind) {
        return switch (this) {
            case EMAIL -> kind == RuleKind.EMAILS;
            case PHONE, REGION, EXTENSION -> kind == RuleKind.PHONES;
            case TYPE -> true;
        };
    }

    static EntryField ofKey(String key) {
        for (EntryField f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }
}
