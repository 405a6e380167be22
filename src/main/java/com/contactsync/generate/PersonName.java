package com.contactsync.generate;

import java.text.Normalizer;
import java.util.SplittableRandom;

/** A random person's name, and the ASCII forms of it that end up in email addresses. */
record PersonName(String first, String last, String firstAscii, String lastAscii) {

    private static final String[] FIRST = {
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Sarah",
        "José", "María", "Zoë", "Jürgen", "François", "Anaïs", "Søren", "Björn", "Hiroshi", "Yuki",
        "Priya", "Rahul", "João", "Ana", "Mohammed", "Fatima", "Chen", "Olga", "Łukasz", "Siobhán",
        "Emma", "Noah", "Lena", "Lukas", "Camille", "Hugo", "Sakura", "Arjun", "Lucas", "Beatriz"
    };
    private static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "García", "Rodríguez", "Martínez",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Dubois", "Lefèvre", "Moreau", "Tanaka", "Suzuki",
        "Sato", "Silva", "Santos", "Oliveira", "Sharma", "Patel", "Singh", "O'Brien", "Nowak", "Kowalski",
        "Andersson", "Jensen", "Rossi", "Bianchi", "van der Berg", "Nguyen", "Kim", "Ivanova", "Haddad", "Costa"
    };
    private static final String[] TAGS = {"news", "shop", "work"};
    private static final String[] FIRST_ASCII = ascii(FIRST);
    private static final String[] LAST_ASCII = ascii(LAST);

    static PersonName random(SplittableRandom random) {
        int f = random.nextInt(FIRST.length);
        int l = random.nextInt(LAST.length);
        return new PersonName(FIRST[f], LAST[l], FIRST_ASCII[f], LAST_ASCII[l]);
    }

    String display() {
        return first + " " + last;
    }

    /** A local part the way people pick them: john.smith, jsmith, john_smith84, smith.john, ... */
    String localPart(SplittableRandom random) {
        switch (random.nextInt(7)) {
            case 0: return firstAscii + "." + lastAscii;
            case 1: return firstAscii.charAt(0) + lastAscii;
            case 2: return firstAscii + "_" + lastAscii + (60 + random.nextInt(45));
            case 3: return lastAscii + "." + firstAscii;
            case 4: return firstAscii + lastAscii.charAt(0) + random.nextInt(1000);
            case 5: return firstAscii + "+" + WeightedChoice.oneOf(random, TAGS);
            default: return firstAscii + "." + lastAscii + random.nextInt(100);
        }
    }

    private static String[] ascii(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String folded = Normalizer.normalize(names[i], Normalizer.Form.NFD)
                    .replace("ß", "ss").replace("Ł", "L").replace("ł", "l").replace("ø", "o")
                    .replaceAll("\\p{M}+", "");
            out[i] = folded.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        }
        return out;
    }
}
