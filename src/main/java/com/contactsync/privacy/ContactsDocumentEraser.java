package com.contactsync.privacy;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.QualityIssue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Erases one contact from a profile's contacts text, keeping everything else of the document.
 *
 * <p>JSON encoded as a JSON string (up to {@value #MAX_UNWRAPS} times, as the job reads it) is
 * edited inside and encoded again as often. Under the kind's keys ({@code emails}/{@code email},
 * {@code phones}/{@code phone}, any case) every entry the job would store under the key is removed
 * ({@link ContactEntryRemover}); anywhere else a mention is cut out of its string. Text that is
 * not JSON has its mentions cut out. Then the result is normalized again: if the job would still
 * find the contact, the document is flagged for a person to look at.
 *
 * <p>Contacts the mapping does not read are known only from their quality issues: at the places those
 * recorded ({@link RecordedPlace}) the contact is erased first ({@link RecordedPlaceEraser}), and the
 * re-normalization under the configured mapping must no longer report it either.
 */
final class ContactsDocumentEraser {

    static final int MAX_UNWRAPS = 8;
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 1.50 stays 1.50
            .build();

    private final ContactKey key;
    private final ContactNormalizer normalizer;
    private final Mentions mentions;
    private final ContactEntryRemover remover;

    private final RecordedPlaceEraser places;
    private final Map<Long, List<RecordedPlace>> placesByProfile;

    ContactsDocumentEraser(ContactKey key, ContactNormalizer normalizer) {
        this(key, normalizer, Map.of());
    }

    /** With the places the contact's quality issues recorded, by profile id. */
    ContactsDocumentEraser(ContactKey key, ContactNormalizer normalizer, Map<Long, List<RecordedPlace>> placesByProfile) {
        this.key = key;
        this.normalizer = normalizer;
        this.mentions = Mentions.of(key);
        this.remover = new ContactEntryRemover(key, new ContactKeyNormalizer(normalizer), mentions);
        this.places = new RecordedPlaceEraser(mentions);
        this.placesByProfile = placesByProfile;
    }

    ErasedDocument erase(String text, String country) {
        return erase(text, country, List.of());
    }

    ErasedDocument erase(long profileId, String text, String country) {
        return erase(text, country, placesByProfile.getOrDefault(profileId, List.of()));
    }

    ErasedDocument erase(String text, String country, List<RecordedPlace> recorded) {
        if (text == null || text.isBlank()) {
            return new ErasedDocument(text, false, 0, 0, false);
        }
        ContactEntryRemover.Tally tally = new ContactEntryRemover.Tally();
        String erased = eraseLevel(text, country, 0, recorded, tally);
        boolean changed = !erased.equals(text);
        String result = changed ? erased : text;
        return new ErasedDocument(result, changed, tally.entries, tally.mentions, stillHolds(result, country));
    }

    private String eraseLevel(String text, String country, int unwraps, List<RecordedPlace> recorded,
                              ContactEntryRemover.Tally tally) {
        JsonNode node;
        try {
            node = JSON.readTree(stripped(text));
        } catch (JacksonException notJson) {
            if (!mentions.in(text)) {
                return text;
            }
            tally.mentions++;
            return mentions.cut(text);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return text;
        }
        if (node.isTextual() && unwraps < MAX_UNWRAPS && looksLikeJson(stripped(node.textValue()))) {
            String inner = eraseLevel(node.textValue(), country, unwraps + 1, recorded, tally);
            return inner.equals(node.textValue()) ? text : encode(inner);
        }
        int before = tally.entries + tally.mentions;
        // Paths are of the decoded document, as the normalizer read it: this level.
        places.erase(node, recorded, tally);
        JsonNode erased = remover.erase(node, country, tally);
        return tally.entries + tally.mentions == before ? text : encode(erased);
    }

    /**
     * Whether the job (under the configured mapping) would still store the contact for this text or
     * record it in an issue, or it is still mentioned in it.
     */
    private boolean stillHolds(String text, String country) {
        NormalizedContacts contacts = normalizer.normalize(text, country);
        boolean stored = key.kind() == ContactKey.Kind.EMAIL
                ? contacts.emails().stream().anyMatch(row -> row.email().equals(key.value()))
                : contacts.phones().stream().anyMatch(row -> row.phone().equals(key.value()));
        boolean recorded = contacts.issues().stream().map(QualityIssue::normalizedValue)
                .anyMatch(value -> value != null && (value.equals(key.value()) || value.startsWith(key.value() + ";ext=")));
        return stored || recorded || mentions.in(text);
    }

    /** Without the white space, zero-width characters and BOM around it, which the job's reader ignores too. */
    private static String stripped(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && ignorable(text.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\u200C'
                || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean looksLikeJson(String text) {
        return !text.isEmpty() && (text.charAt(0) == '{' || text.charAt(0) == '[' || text.charAt(0) == '"'
                || text.equals("null"));
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode an edited contacts document", e);
        }
    }
}
