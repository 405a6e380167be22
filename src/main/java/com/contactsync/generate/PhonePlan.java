package com.contactsync.generate;

import java.util.SplittableRandom;

/**
 * How numbers of one country look: calling code, trunk prefix, number ranges that libphonenumber
 * accepts as valid, and the digit groups people write them in.
 */
enum PhonePlan {
    US("US", "1", "1", new String[] {"201", "202", "212", "213", "305", "312", "415", "512", "617", "646", "702", "713", "818", "917"},
            7, new int[] {3, 3, 4}),
    GB("GB", "44", "0", new String[] {"7400", "7411", "7500", "7577", "7800", "7866", "7920", "7956", "2079", "2087"},
            6, new int[] {4, 6}),
    DE("DE", "49", "0", new String[] {"151", "152", "160", "170", "171", "176", "177", "178", "30"},
            8, new int[] {3, 8}),
    FR("FR", "33", "0", new String[] {"61", "62", "64", "67", "68", "75", "78", "14", "15"},
            7, new int[] {1, 2, 2, 2, 2}),
    JP("JP", "81", "0", new String[] {"901", "902", "803", "805", "35", "36"},
            7, new int[] {2, 4, 4}),
    BR("BR", "55", "0", new String[] {"119", "219", "319", "419", "519", "619"},
            8, new int[] {2, 5, 4}),
    IN("IN", "91", "0", new String[] {"98", "99", "97", "96", "90", "88", "70"},
            8, new int[] {5, 5});

    private static final String[] SEPARATORS = {" ", " ", "-", ".", ""};

    private final String region;
    private final String callingCode;
    private final String trunk;
    private final String[] prefixes;
    private final int restDigits;
    private final int[] groups;

    PhonePlan(String region, String callingCode, String trunk, String[] prefixes, int restDigits, int[] groups) {
        this.region = region;
        this.callingCode = callingCode;
        this.trunk = trunk;
        this.prefixes = prefixes;
        this.restDigits = restDigits;
        this.groups = groups;
    }

    String region() {
        return region;
    }

    String callingCode() {
        return callingCode;
    }

    /** A national significant number (no trunk, no country code) in a range valid for this country. */
    String nationalNumber(SplittableRandom random) {
        String prefix = WeightedChoice.oneOf(random, prefixes);
        StringBuilder digits = new StringBuilder(prefix.length() + restDigits).append(prefix);
        // US exchange codes and Tokyo numbers must not start with 0 or 1.
        digits.append((char) ('2' + random.nextInt(8)));
        for (int i = 1; i < restDigits; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** The number written the way someone in that country would: with trunk prefix, no country code. */
    String national(SplittableRandom random, String nsn) {
        if (this == US && random.nextBoolean()) {
            return "(" + nsn.substring(0, 3) + ") " + nsn.substring(3, 6) + "-" + nsn.substring(6);
        }
        String separator = WeightedChoice.oneOf(random, SEPARATORS);
        String prefix = this == US ? (random.nextInt(4) == 0 ? "1-" : "") : trunk;
        return prefix + grouped(nsn, separator);
    }

    /** The number with its country code, in one of the international spellings seen in the wild. */
    String international(SplittableRandom random, String nsn) {
        String separator = WeightedChoice.oneOf(random, SEPARATORS);
        switch (random.nextInt(6)) {
            case 0: return "+" + callingCode + nsn;
            case 1: return "00" + callingCode + " " + grouped(nsn, separator);
            case 2: return callingCode + " " + grouped(nsn, separator);
            case 3: return trunk.equals("0") ? "+" + callingCode + " (0)" + grouped(nsn, " ") : "+" + callingCode + nsn;
            case 4: return "+" + callingCode + "-" + grouped(nsn, "-");
            default: return "+" + callingCode + " " + grouped(nsn, separator);
        }
    }

    private String grouped(String nsn, String separator) {
        StringBuilder out = new StringBuilder(nsn.length() + groups.length);
        int at = 0;
        for (int i = 0; i < groups.length && at < nsn.length(); i++) {
            int end = i == groups.length - 1 ? nsn.length() : Math.min(nsn.length(), at + groups[i]);
            if (i > 0) {
                out.append(separator);
            }
            out.append(nsn, at, end);
            at = end;
        }
        return out.toString();
    }
}
