package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.TargetSchema;

import java.sql.SQLException;

/**
 * Test fixture for tools that read what the job wrote: generated profiles and the target schema
 * (all Flyway migrations) holding exactly the rows their contacts call for, written without Flink.
 */
public final class ConsistentTables {

    private ConsistentTables() {}

    /** {@code profiles} generated profiles (sparse ids, jsonb) in {@code profile}, and their rows in the target tables. */
    public static void fill(JdbcEndpoint db, int profiles, long seed, ContactNormalizer normalizer) throws SQLException {
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.sparse(seed, 0.2, 50));
        TargetSchema.migrate(db);
        ExpectedRowWriter.write(db, normalizer);
    }
}
