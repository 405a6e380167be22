package com.contactsync.normalize;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spots likely typos of popular e-mail domains (gmial.com, hotmail.con, yahooo.com ...) and proposes a
 * correction; it never changes an address.
 *
 * <p>First a misspelled ".com"-like TLD (.con, .cmo, .comm ...; not .om or .co, which are real TLDs) is
 * corrected, then the domain is compared with a short list of popular domains by optimal-string-alignment
 * distance (a swap of two neighbours counts 1): up to 1 for domains of 9 characters (gmail.com), up to 2
 * for longer ones (hotmail.com); shorter ones (aol.com) only via the TLD rule, since too many real domains
 * are one letter away from them. Domains known to be real (ymail.com, mail.com, hotmail.fr ...) are
 * never "corrected".
 */
final class DomainTypoDetector {

    /** Targets of the distance check, most popular first (the first closest one wins). */
    private static final List<String> POPULAR = List.of(
            "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "googlemail.com",
            "protonmail.com", "hotmail.co.uk", "yahoo.co.uk", "comcast.net", "verizon.net", "sbcglobal.net",
            "bellsouth.net");

    private static final List<String> OTHER_REAL = List.of(
            "aol.com", "live.com", "msn.com", "me.com", "mac.com", "mail.com", "email.com", "ymail.com",
            "rocketmail.com", "gmx.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "proton.me", "pm.me",
            "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "naver.com", "cloud.com", "att.net", "cox.net",
            "charter.net", "earthlink.net", "optonline.net", "frontier.com", "windstream.net", "hotmail.com.br",
            "zoho.com", "fastmail.com", "tutanota.com", "hey.com", "gmail.co.uk", "uol.com.br", "bol.com.br",
            "orange.fr", "free.fr", "sfr.fr", "laposte.net", "libero.it", "t-online.de", "btinternet.com");

    private static final List<String> COUNTRY_SUFFIXES = List.of(
            "ca", "cl", "co", "cz", "de", "dk", "es", "fr", "it", "nl", "be", "ch", "at", "se", "no", "fi", "jp",
            "in", "ie", "pt", "gr", "pl", "com.br", "com.ar", "com.mx", "com.au", "co.uk", "co.jp", "co.in",
            "co.nz", "co.za");

    private static final Set<String> KNOWN = known();

    private static final Map<String, String> TLD_TYPOS = Map.ofEntries(
            Map.entry("con", "com"), Map.entry("cmo", "com"), Map.entry("comm", "com"), Map.entry("coom", "com"),
            Map.entry("cpm", "com"), Map.entry("vom", "com"), Map.entry("xom", "com"), Map.entry("ocm", "com"),
            Map.entry("cim", "com"), Map.entry("nte", "net"), Map.entry("ogr", "org"));

    private static Set<String> known() {
        Set<String> known = new HashSet<>(POPULAR);
        known.addAll(OTHER_REAL);
        for (String provider : List.of("hotmail", "outlook", "yahoo", "live", "msn")) {
            for (String suffix : COUNTRY_SUFFIXES) {
                known.add(provider + "." + suffix);
            }
        }
        return Set.copyOf(known);
    }

    private final DomainVerdicts<Optional<String>> suggestions =
            new DomainVerdicts<>(domain -> Optional.ofNullable(computeSuggestion(domain)));

    /** The corrected domain, or null when the (lower-case ASCII) domain does not look like a typo. */
    String suggest(String domain) {
        if (domain == null || KNOWN.contains(domain)) {
            return null;
        }
        return suggestions.of(domain).orElse(null);
    }

    private static String computeSuggestion(String domain) {
        int lastDot = domain.lastIndexOf('.');
        if (lastDot <= 0) {
            return null;
        }
        String fixedTld = TLD_TYPOS.get(domain.substring(lastDot + 1));
        String candidate = fixedTld == null ? domain : domain.substring(0, lastDot + 1) + fixedTld;
        if (fixedTld != null && KNOWN.contains(candidate)) {
            return candidate;
        }
        String closest = closestPopular(candidate);
        if (closest != null) {
            return closest;
        }
        return fixedTld != null ? candidate : null;
    }

    private static String closestPopular(String domain) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String popular : POPULAR) {
            int limit = popular.length() >= 10 ? 2 : popular.length() == 9 ? 1 : 0;
            if (limit == 0 || Math.abs(popular.length() - domain.length()) > limit) {
                continue;
            }
            int d = EditDistance.osaWithin(domain, popular, limit);
            if (d <= limit && d < bestDistance) {
                best = popular;
                bestDistance = d;
            }
        }
        return best;
    }
}
