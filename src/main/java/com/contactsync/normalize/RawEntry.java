package com.contactsync.normalize;

/**
 * One email or phone entry as found in the contacts JSON, before normalization.
 *
 * @param position       the entry's position among its kind's entries
 * @param value          the entry's text (a JSON number as its digits), null for an empty entry
 * @param type           the entry's type or label, already trimmed and lower-cased, or null
 * @param region         the entry's country or region as written, or null
 * @param extension      the entry's extension field as written, or null
 * @param unexpectedShape why the entry's JSON is not usable, or null when it is; then {@code value}
 *                        holds the entry's JSON (capped) as evidence
 * @param jsonPath       the normalized path of the entry's value, or of the entry when it has no usable value;
 *                       null for entries made outside a document
 */
record RawEntry(int position, String value, String type, String region, String extension, String unexpectedShape,
                String jsonPath) {

    RawEntry(int position, String value, String type, String region, String extension, String unexpectedShape) {
        this(position, value, type, region, extension, unexpectedShape, null);
    }

    static RawEntry ofText(int position, String value) {
        return new RawEntry(position, value, null, null, null, null, null);
    }

    boolean hasUnexpectedShape() {
        return unexpectedShape != null;
    }
}
