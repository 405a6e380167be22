package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.privacy.ContactEraser;
import com.contactsync.privacy.ContactKey;
import com.contactsync.privacy.ErasureReport;
import com.contactsync.sink.TargetSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code erase}: removes an email address or phone number from the source contacts of every
 * profile holding it and purges it from our tables; exits with 3 when some profile still needs a
 * person to look at it.
 */
@Command(name = "erase", description = "Erase an email or phone from the source contacts (one transaction) and our tables.")
final class EraseCommand implements Callable<Integer> {

    static final int NEEDS_REVIEW_EXIT_CODE = 3;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ContactArgument contact;

    @Option(names = "--dry-run", description = "Do everything in transactions that are rolled back; print what would change.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        JobConfig config = database.load();
        ContactKey key = contact.key(config);
        TargetSchema.migrate(config.target());
        ErasureReport report = new ContactEraser(config.source(), config.target(), config.profileTable(),
                new ContactNormalizer(NormalizerSettings.from(config))).erase(key, dryRun);
        System.out.println("erase " + key + (dryRun ? " (dry run)" : ""));
        report.lines().forEach(line -> System.out.println("  " + line));
        return report.needReview().isEmpty() ? 0 : NEEDS_REVIEW_EXIT_CODE;
    }
}
