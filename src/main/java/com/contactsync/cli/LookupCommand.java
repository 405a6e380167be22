package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.privacy.ContactKey;
import com.contactsync.privacy.ContactLookup;
import com.contactsync.verify.Masking;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code lookup}: every profile holding an email address or phone number, through the reverse index, and
 * those where only a quality issue records it (outside the mapping).
 */
@Command(name = "lookup", description = "List the profiles holding an email or phone (normalized first; shown masked).")
final class LookupCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    ContactArgument contact;

    @Override
    public Integer call() throws Exception {
        JobConfig config = database.load();
        ContactKey key = contact.key(config);
        PrintStream out = System.out;
        try (Connection c = config.target().connect()) {
            c.setReadOnly(true);
            for (String index : ContactLookup.missingIndexes(c, key.kind())) {
                out.printf("note: the reverse index %s is not built yet (the initial backfill builds it at its end):"
                        + " this lookup scans the whole table%n", index);
            }
            long started = System.nanoTime();
            List<ContactLookup.Holding> holdings = ContactLookup.find(c, key);
            List<ContactLookup.Recorded> recorded = ContactLookup.recordedOnly(c, key);
            double millis = (System.nanoTime() - started) / 1e6;
            long profiles = Stream.concat(holdings.stream().map(ContactLookup.Holding::profileId),
                    recorded.stream().map(ContactLookup.Recorded::profileId)).distinct().count();
            out.printf("%s: %d profile(s) (%.1f ms)%n", key, profiles, millis);
            for (ContactLookup.Holding h : holdings) {
                out.printf("  profile %d  %s%s  position %d  type %s  %s%n", h.profileId(), Masking.mask(h.value()),
                        h.extension() == null || h.extension().isEmpty() ? "" : " ext " + h.extension(), h.position(),
                        h.type() == null ? "-" : h.type(), h.valid() ? "valid" : "invalid");
            }
            for (ContactLookup.Recorded r : recorded) {
                out.printf("  profile %d  only in a quality issue: %s at %s%n", r.profileId(), r.code(), r.jsonPath());
            }
        }
        return 0;
    }
}
