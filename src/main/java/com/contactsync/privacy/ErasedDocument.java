package com.contactsync.privacy;

/**
 * A profile's contacts text after one contact was erased from it.
 *
 * @param text           the new text (the old one when nothing changed)
 * @param entriesRemoved contact entries (or pieces of a separated string) removed
 * @param mentionsCut    other mentions cut out of text: notes, unexpected shapes, text that is not JSON
 * @param remains        the job would still find the contact in the new text: a person must look at it
 */
record ErasedDocument(String text, boolean changed, int entriesRemoved, int mentionsCut, boolean remains) {

    /** Never prints the text. */
    @Override
    public String toString() {
        return "ErasedDocument{changed=" + changed + ", entriesRemoved=" + entriesRemoved + ", mentionsCut="
                + mentionsCut + ", remains=" + remains + "}";
    }
}
