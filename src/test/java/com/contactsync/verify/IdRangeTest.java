package com.contactsync.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdRangeTest {

    @Test
    void rangesCoverTheSpanWithoutGapsOrOverlap() {
        assertThat(IdRange.split(0, 10, 4)).containsExactly(
                new IdRange(0, 2), new IdRange(2, 4), new IdRange(4, 6), new IdRange(6, 10));
    }

    @Test
    void aSpanNarrowerThanThePartsIsOneRange() {
        assertThat(IdRange.split(5, 7, 8)).containsExactly(new IdRange(5, 7));
    }

    @Test
    void theWidestSpanDoesNotOverflow() {
        assertThat(IdRange.split(Long.MIN_VALUE, Long.MAX_VALUE, 2)).containsExactly(
                new IdRange(Long.MIN_VALUE, -1), new IdRange(-1, Long.MAX_VALUE));
    }

    @Test
    void anEmptySpanHasNoRanges() {
        assertThat(IdRange.split(3, 3, 2)).isEmpty();
    }
}
