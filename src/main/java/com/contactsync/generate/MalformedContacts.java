package com.contactsync.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Contacts text that is not JSON: cut off by a size limit, hand-written, or plain garbage. */
final class MalformedContacts {

    private static final String[] HAND_WRITTEN = {
        "{'emails': ['%s']}",
        "{\"emails\": [\"%s\",]}",
        "{emails: [\"%s\"]}",
        "{'emails': None, 'phones': ['%s']}",
        "[\"%s\" \"%s\"]",
    };
    // Every piece starts where no JSON value can, so no lenient parser reads a valid prefix.
    private static final char[] GARBAGE_START = {'\u0001', '\u0007', '#', '~', '\\', '\'', ')', '\u00FF'};

    private final ContactsJsonWriter writer = new ContactsJsonWriter();

    String generate(SplittableRandom random, List<ContactEntry> emails, List<ContactEntry> phones) {
        switch (random.nextInt(3)) {
            case 0: return truncated(random, emails, phones);
            case 1: {
                String value = emails.isEmpty() ? "someone@example.com" : emails.get(0).asText();
                return WeightedChoice.oneOf(random, HAND_WRITTEN).replace("%s", value.replace("\"", ""));
            }
            default: return garbage(random);
        }
    }

    private String truncated(SplittableRandom random, List<ContactEntry> emails, List<ContactEntry> phones) {
        String json = writer.write(random, ContactsLayout.STRING_ARRAYS, emails, phones);
        // Any strict prefix of an object is invalid JSON.
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    /** Random characters, control characters and the bytes COPY must escape included; never NUL. */
    static String garbage(SplittableRandom random) {
        int length = 5 + random.nextInt(200);
        StringBuilder text = new StringBuilder(length + 2);
        if (random.nextBoolean()) {
            text.append(random.nextBoolean() ? '{' : '[');
        }
        text.append(GARBAGE_START[random.nextInt(GARBAGE_START.length)]);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoint(random));
        }
        return text.toString();
    }

    private static int codePoint(SplittableRandom random) {
        switch (random.nextInt(8)) {
            case 0: return 1 + random.nextInt(31);                      // control characters, \t \n \r among them
            case 1: return '\\';
            case 2: return 0xA0 + random.nextInt(0x2000 - 0xA0);        // Latin, Greek, Cyrillic, ...
            case 3: return 0x3000 + random.nextInt(0xD000 - 0x3000);    // CJK, never a surrogate
            case 4: return 0x1F300 + random.nextInt(0x200);             // emoji: two UTF-16 chars
            default: return 0x20 + random.nextInt(0x5F);                // printable ASCII
        }
    }
}
