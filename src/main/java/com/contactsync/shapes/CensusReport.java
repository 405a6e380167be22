package com.contactsync.shapes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A census written out: an aligned table for a terminal, or one JSON object for scripts. */
public final class CensusReport {

    private static final String[] HEADERS = {"PATH", "PROFILES", "TYPES", "EMAILS", "PHONES", "COVERED"};

    private CensusReport() {}

    /**
     * {@code {"sampled": N, "paths": [{"path", "profiles", "types", "emails", "phones", "covered"}, ...],
     * "coverage": 0..1, "proposal": {"emails": [{"path": ...}], "phones": [...]}}}.
     */
    public static ObjectNode json(CensusResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("sampled", result.documents().sampled());
        ArrayNode paths = root.putArray("paths");
        for (PathShape p : result.paths()) {
            ObjectNode path = paths.addObject().put("path", p.path()).put("profiles", p.profiles());
            ArrayNode types = path.putArray("types");
            p.types().forEach(types::add);
            path.put("emails", p.emails()).put("phones", p.phones()).put("covered", p.covered());
        }
        root.put("coverage", result.coverage());
        root.set("proposal", result.proposal().toJson());
        return root;
    }

    /** The table, the documents that were not JSON, the coverage and the proposed rules. */
    public static void table(CensusResult result, String source, PrintStream out) {
        CensusResult.Documents d = result.documents();
        out.printf(Locale.ROOT, "%,d profiles sampled from %s: %,d JSON, %,d empty, %,d malformed, %,d a JSON string without JSON%n%n",
                d.sampled(), source, d.json(), d.empty(), d.malformed(), d.notDocuments());
        List<String[]> rows = result.paths().stream().map(CensusReport::row).toList();
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        print(out, HEADERS, widths);
        rows.forEach(row -> print(out, row, widths));
        if (result.untrackedValues() > 0) {
            out.printf(Locale.ROOT, "... and %,d values at paths beyond the first %,d, not listed (counted in the coverage)%n",
                    result.untrackedValues(), ShapeCensus.MAX_PATHS);
        }
        out.println();
        if (result.contacts() == 0) {
            out.println("coverage: no string in the sample is an email address or a phone number");
        } else {
            out.printf(Locale.ROOT, "coverage: %.1f %% - %,d of the %,d emails and phones found are where the mapping reads%n",
                    100 * result.coverage(), result.coveredContacts(), result.contacts());
        }
        MappingProposal proposal = result.proposal();
        if (proposal.isEmpty()) {
            out.println("nothing to propose: no contact in the sample sits outside the mapping");
        } else {
            out.println();
            out.println("proposed rules, to add after the mapping's own:");
            out.println();
            out.print(proposal.toYaml());
        }
    }

    private static String[] row(PathShape p) {
        String covered = p.covered() ? "yes" : p.uncoveredEmails() + p.uncoveredPhones() > 0 ? "no - contacts missed" : "no";
        return new String[] {p.path(), String.format(Locale.ROOT, "%,d", p.profiles()), String.join(",", p.types()),
                count(p.emails()), count(p.phones()), covered};
    }

    private static String count(int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    /** The path left-aligned, the counts right-aligned, the rest left-aligned. */
    private static void print(PrintStream out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i == 1 || i == 3 || i == 4;
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(number ? pad + cells[i] : i == cells.length - 1 ? cells[i] : cells[i] + pad);
            if (i < cells.length - 1) {
                line.append("  ");
            }
        }
        out.println(line);
    }
}
