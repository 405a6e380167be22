package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.mapping.Mapping;
import com.contactsync.privacy.ContactKey;
import com.contactsync.privacy.ContactKeyNormalizer;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The contact a privacy command works on: {@code --email X} or {@code --phone X}, normalized as the job does. */
final class ContactArgument {

    /** Exactly one of the two. */
    static final class Which {
        @Option(names = "--email", required = true, description = "An email address, in any spelling (case, spaces, <...>).")
        String email;

        @Option(names = "--phone", required = true, description = "A phone number in any format; national ones are read with --region.")
        String phone;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--region", description = "Region of a national phone number (default: normalize.default-region).")
    String region;

    /** The key the job stores for the given contact. */
    ContactKey key(JobConfig config) {
        NormalizerSettings configured = NormalizerSettings.from(config);
        // The contact is parsed from a document of the classic shape, whatever the configured mapping.
        NormalizerSettings settings = new NormalizerSettings(region == null ? configured.defaultRegion() : region,
                configured.maxEntriesPerKind(), Mapping.defaults());
        ContactKeyNormalizer keys = new ContactKeyNormalizer(new ContactNormalizer(settings));
        return which.email != null
                ? keys.parse(ContactKey.Kind.EMAIL, which.email)
                : keys.parse(ContactKey.Kind.PHONE, which.phone);
    }
}
