package com.contactsync.shapes;

import java.util.List;

/**
 * The outcome of a {@link ShapeCensus}.
 *
 * @param documents       what the sampled contacts texts held
 * @param paths           every path seen (the first {@value ShapeCensus#MAX_PATHS}), sorted
 * @param contacts        string values that are, as a whole, an email address or a phone number
 * @param coveredContacts those of them the mapping's rules selected
 * @param untrackedValues values at paths beyond the first {@value ShapeCensus#MAX_PATHS}, not listed
 */
public record CensusResult(Documents documents, List<PathShape> paths, long contacts, long coveredContacts,
                           long untrackedValues) {

    /**
     * What the sampled contacts texts held: JSON, nothing (null, blank, JSON null), text that is not JSON,
     * or a JSON string holding no JSON; as the normalizer reads them.
     */
    public record Documents(int sampled, int json, int empty, int malformed, int notDocuments) {}

    public CensusResult {
        paths = List.copyOf(paths);
    }

    /** The share of detected contacts the mapping captures; 1 when there are none to capture. */
    public double coverage() {
        return contacts == 0 ? 1.0 : (double) coveredContacts / contacts;
    }

    /** Rules for the paths whose contacts the mapping misses. */
    public MappingProposal proposal() {
        return MappingProposal.of(paths);
    }
}
