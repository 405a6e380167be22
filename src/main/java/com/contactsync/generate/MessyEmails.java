package com.contactsync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Email entries the way people and old forms typed them: padded, shouted, wrapped, misspelt. */
final class MessyEmails {

    private static final String[] DOMAINS = {
        "gmail.com", "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com",
        "icloud.com", "aol.com", "web.de", "gmx.de", "t-online.de", "orange.fr", "free.fr", "yahoo.co.jp",
        "docomo.ne.jp", "uol.com.br", "bol.com.br", "rediffmail.com", "example.com", "acme-corp.com", "mail.ru"
    };
    private static final String[] TYPO_DOMAINS = {
        "gmial.com", "gmail.con", "hotmial.com", "gmai.com", "gnail.com", "yaho.com", "outlok.com", "gmail.co"
    };
    private static final String[] IDN_DOMAINS = {"bücher.de", "münchen.de", "straße.de", "café.fr", "例え.jp", "españa.es"};
    private static final String[] ROLE_ACCOUNTS = {"info", "office", "kontakt", "contact", "admin"};
    private static final String[] PADDING = {" ", "  ", "\t", "\n", "\u00A0", "\u3000", "\u200B", "\uFEFF", " \u200B"};
    private static final String[] TRAILING = {".", ",", ";", ".;"};
    private static final String[] EMPTY = {"", " ", "\u00A0", "\u200B", "   "};
    private static final String[] LABELS = {"home", "work", "personal", "other", "Work", "HOME", "primary", ""};

    private final GeneratorSettings.EmailMix mix;

    MessyEmails(GeneratorSettings.EmailMix mix) {
        this.mix = mix;
    }

    List<ContactEntry> entries(SplittableRandom random, int count, PersonName name) {
        List<ContactEntry> entries = new ArrayList<>(count);
        List<String> clean = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text;
            if (!clean.isEmpty() && random.nextDouble() < mix.duplicate()) {
                text = respell(random, clean.get(random.nextInt(clean.size())));
            } else if (random.nextDouble() < mix.empty()) {
                text = WeightedChoice.oneOf(random, EMPTY);
            } else {
                String address = address(random, name);
                clean.add(address);
                text = mess(random, address, name);
            }
            String label = random.nextDouble() < mix.labeled() ? WeightedChoice.oneOf(random, LABELS) : null;
            entries.add(new ContactEntry(text, null, label, null, null));
        }
        return entries;
    }

    /** The many addresses of a mailing-list import, for the rare huge profile. */
    static String bulkAddress(SplittableRandom random, PersonName name, int i) {
        return name.localPart(random) + i + "@" + WeightedChoice.oneOf(random, DOMAINS);
    }

    private String address(SplittableRandom random, PersonName name) {
        String local = random.nextInt(8) == 0
                ? WeightedChoice.oneOf(random, ROLE_ACCOUNTS)
                : name.localPart(random);
        String domain;
        double roll = random.nextDouble();
        if (roll < mix.typo()) {
            domain = WeightedChoice.oneOf(random, TYPO_DOMAINS);
        } else if (roll < mix.typo() + mix.idn()) {
            domain = WeightedChoice.oneOf(random, IDN_DOMAINS);
        } else {
            domain = WeightedChoice.oneOf(random, DOMAINS);
        }
        return random.nextDouble() < mix.invalid() ? broken(random, local, domain) : local + "@" + domain;
    }

    private static String broken(SplittableRandom random, String local, String domain) {
        switch (random.nextInt(7)) {
            case 0: return local.replace('.', ' ').replace('_', ' ') + " x@" + domain;
            case 1: return local + "." + domain;
            case 2: return local + "@@" + domain;
            case 3: return local + "@" + domain.replace(".", "@");
            case 4: return local + "@";
            case 5: return "@" + domain;
            default: return local + "(at)" + domain;
        }
    }

    private String mess(SplittableRandom random, String address, PersonName name) {
        String text = address;
        if (random.nextDouble() < mix.upperCase()) {
            text = random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : capitalized(text);
        }
        if (random.nextDouble() < mix.wrapped()) {
            text = wrapped(random, text, name);
        }
        if (random.nextDouble() < mix.whitespace()) {
            text = padded(random, text);
        }
        return text;
    }

    /** Another spelling of an address already in the list: the normalizer must see a duplicate. */
    private static String respell(SplittableRandom random, String address) {
        switch (random.nextInt(4)) {
            case 0: return address.toUpperCase(Locale.ROOT);
            case 1: return padded(random, address);
            case 2: return capitalized(address);
            default: return address;
        }
    }

    private static String wrapped(SplittableRandom random, String text, PersonName name) {
        switch (random.nextInt(6)) {
            case 0: return "\"" + name.display() + "\" <" + text + ">";
            case 1: return name.display() + " <" + text + ">";
            case 2: return "<" + text + ">";
            case 3: return "mailto:" + text;
            case 4: return "MAILTO:" + text;
            default: return text + WeightedChoice.oneOf(random, TRAILING);
        }
    }

    private static String padded(SplittableRandom random, String text) {
        String before = random.nextBoolean() ? WeightedChoice.oneOf(random, PADDING) : "";
        String after = before.isEmpty() || random.nextBoolean() ? WeightedChoice.oneOf(random, PADDING) : "";
        return before + text + after;
    }

    private static String capitalized(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return address.toUpperCase(Locale.ROOT);
        }
        return Character.toUpperCase(address.charAt(0)) + address.substring(1, at)
                + address.substring(at).toUpperCase(Locale.ROOT);
    }
}
