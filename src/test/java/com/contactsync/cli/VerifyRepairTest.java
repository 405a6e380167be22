package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.source.backfill.ResnapshotSelector;

import org.junit.jupiter.api.Test;

/** The mismatched ids become the fewest id ranges, read back by the request table's parser. */
class VerifyRepairTest {

    @Test
    void consecutiveIdsMergeIntoRanges() {
        String text = VerifyRepair.idRanges(new long[] {-3, -2, 1, 2, 3, 7, 9, 10});

        assertThat(text).isEqualTo("-3--2,1-3,7-7,9-10");
        assertThat(ResnapshotSelector.ids(text).idsText()).isEqualTo(text);
    }

    @Test
    void noIdsNoRanges() {
        assertThat(VerifyRepair.idRanges(new long[0])).isEmpty();
    }
}
