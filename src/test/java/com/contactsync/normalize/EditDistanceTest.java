package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "gmail.com, gmail.com, 0", "gmial.com, gmail.com, 1", "gmai.com, gmail.com, 1", "gmaill.com, gmail.com, 1",
        "gnail.com, gmail.com, 1", "gmial.con, gmail.com, 2", "ab, ba, 1", "abc, ca, 3", "kitten, sitting, 3",
    })
    void knownDistances(String a, String b, int distance) {
        assertThat(EditDistance.osaWithin(a, b, 5)).isEqualTo(Math.min(distance, 6));
    }

    @Test
    void cappedAtLimitPlusOne() {
        assertThat(EditDistance.osaWithin("hotmail.com", "example.org", 2)).isEqualTo(3);
        assertThat(EditDistance.osaWithin("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void bandedResultAgreesWithTheFullTable() {
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : typo(a, random);
            int limit = random.nextInt(4);
            int full = fullOsa(a, b);
            assertThat(EditDistance.osaWithin(a, b, limit)).as("%s vs %s limit %d", a, b, limit)
                    .isEqualTo(Math.min(full, limit + 1));
        }
    }

    private static String randomWord(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            sb.append((char) ('a' + random.nextInt(4)));
        }
        return sb.toString();
    }

    private static String typo(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = random.nextInt(4); i > 0; i--) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, (char) ('a' + random.nextInt(4)));
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, (char) ('a' + random.nextInt(4)));
                    }
                }
                default -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The textbook optimal-string-alignment table, for reference. */
    private static int fullOsa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
