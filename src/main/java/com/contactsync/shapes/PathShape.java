package com.contactsync.shapes;

import java.util.List;

/**
 * What the census saw at one path (array indexes collapsed to {@code [*]}).
 *
 * @param path             the normalized JSONPath, keys as the documents spell them
 * @param profiles         sampled profiles with a value there
 * @param types            the JSON types of those values ({@code string}, {@code number}, {@code object},
 *                         {@code array}, {@code boolean}, {@code null})
 * @param emails           string values there that are, as a whole, an email address
 * @param phones           string values there that are, as a whole, a phone number (and not an email)
 * @param covered          whether the mapping's rules selected every value there (or an entry holding it)
 * @param uncoveredEmails  the emails there the rules did not select
 * @param uncoveredPhones  the phones there the rules did not select
 */
public record PathShape(String path, int profiles, List<String> types, int emails, int phones, boolean covered,
                        int uncoveredEmails, int uncoveredPhones) {

    public PathShape {
        types = List.copyOf(types);
    }
}
