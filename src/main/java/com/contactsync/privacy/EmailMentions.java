package com.contactsync.privacy;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An email address inside text, in any case, with or without wrapping ({@code <...>}, {@code mailto:}),
 * its domain in ASCII or Unicode form, but not as part of a longer address: erasing
 * {@code n@example.com} leaves {@code ann@example.com} and {@code n@example.com.au} alone.
 */
final class EmailMentions implements Mentions {

    /** A character that may stand in a local part: if one precedes the match, it is another address. */
    private static final String LOCAL_PART_CHAR = "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]";
    /** A domain going on after the match (a letter, digit, '-', or a dot and a label) makes it another address. */
    private static final String DOMAIN_CONTINUES = "[\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}]";

    private final List<String> spellings;
    private final Pattern pattern;

    EmailMentions(String key) {
        spellings = spellings(key);
        String alternatives = spellings.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        pattern = Pattern.compile("(?<!" + LOCAL_PART_CHAR + ")(?:" + alternatives + ")(?!" + DOMAIN_CONTINUES + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public boolean in(String text) {
        return text != null && pattern.matcher(text).find();
    }

    @Override
    public String replace(String text, String replacement) {
        return text == null ? null : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** The address, and its Unicode spelling when the domain is punycode, lower-cased. */
    @Override
    public List<String> needles() {
        return spellings;
    }

    private static List<String> spellings(String key) {
        List<String> spellings = new ArrayList<>(2);
        spellings.add(key.toLowerCase(Locale.ROOT));
        int at = key.lastIndexOf('@');
        if (at >= 0 && key.indexOf("xn--", at) >= 0) {
            try {
                String unicode = key.substring(0, at + 1) + IDN.toUnicode(key.substring(at + 1), IDN.ALLOW_UNASSIGNED);
                if (!spellings.contains(unicode.toLowerCase(Locale.ROOT))) {
                    spellings.add(unicode.toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException notPunycode) {
                // the ASCII spelling is all there is
            }
        }
        return List.copyOf(spellings);
    }
}
