package com.contactsync.source.backfill;

import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.ProfileTable;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackfillSettingsTest {

    private static final JdbcEndpoint ENDPOINT = new JdbcEndpoint("jdbc:postgresql://db:5432/app", "sync", "PGPASSWORD");

    private static BackfillSettings settings(long splitRows, int pageRows, double rate) {
        return new BackfillSettings(ENDPOINT, ProfileTable.of("public.profile", "id", "contacts", null), splitRows, pageRows, rate);
    }

    @Test
    void acceptsSaneValuesAndNoCountryColumn() {
        BackfillSettings settings = settings(100_000, ContactSyncOptions.BACKFILL_PAGE_ROWS.defaultValue(), 0);

        assertThat(settings.profileTable().hasCountryColumn()).isFalse();
    }

    @Test
    void rejectsEmptySplits() {
        assertThatThrownBy(() -> settings(0, 2000, 0)).hasMessageContaining("splitRows must be > 0");
    }

    @Test
    void rejectsPagesOutsideTheAllowedRange() {
        assertThatThrownBy(() -> settings(10, 0, 0)).hasMessageContaining("pageRows must be in 1..100000");
        assertThatThrownBy(() -> settings(10, 100_001, 0)).hasMessageContaining("got 100001");
    }

    @Test
    void rejectsNegativeOrUndefinedRates() {
        assertThatThrownBy(() -> settings(10, 10, -1)).hasMessageContaining("maxRowsPerSecond must be");
        assertThatThrownBy(() -> settings(10, 10, Double.NaN)).hasMessageContaining("0 = no limit");
    }

    @Test
    void sourceIsBoundedAndProducesPojos() {
        BackfillSource source = new BackfillSource(settings(10, 10, 0));

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.getProducedType()).isInstanceOf(PojoTypeInfo.class);
        assertThat(source.getProducedType().getTypeClass()).isEqualTo(ProfileEvent.class);
    }

    @Test
    void statementsQuoteIdentifiersAndBindValues() {
        BackfillStatements statements = new BackfillStatements(settings(10, 10, 0));

        assertThat(statements.page()).isEqualTo(
                "SELECT \"id\", \"contacts\"::text FROM \"public\".\"profile\" WHERE \"id\" > ? AND \"id\" <= ?"
                        + " ORDER BY \"id\" LIMIT ?");
        assertThat(statements.splitEnd()).endsWith("ORDER BY \"id\" OFFSET ? LIMIT 1");
    }
}
