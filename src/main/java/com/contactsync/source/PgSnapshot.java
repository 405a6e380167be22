package com.contactsync.source;

import java.util.Arrays;

/**
 * A PostgreSQL MVCC snapshot as {@code pg_current_snapshot()} returns it ({@code xmin:xmax:xip,…},
 * 64-bit {@code xid8} values), and whether a transaction's effects are visible in it.
 *
 * <p>Change events carry Debezium's {@code source.txId}, the 32-bit xid without its epoch. It is
 * placed in the 64-bit space as the xid8 nearest to this snapshot's {@code xmax}, i.e. within
 * {@code [xmax - 2^31, xmax + 2^31)}, exactly how PostgreSQL itself reads a 32-bit xid against
 * the next xid. That is right whenever the change and the snapshot are less than 2^31 transactions
 * apart; see README ("Re-snapshots while live") for why the only case beyond it is harmless.
 */
public final class PgSnapshot {

    private static final long TWO_32 = 1L << 32;

    private final long xmin;
    private final long xmax;
    private final long[] xip;

    public PgSnapshot(long xmin, long xmax, long[] xip) {
        if (xmin <= 0 || xmax < xmin) {
            throw new IllegalArgumentException("a snapshot needs 0 < xmin <= xmax, got " + xmin + ":" + xmax);
        }
        this.xmin = xmin;
        this.xmax = xmax;
        this.xip = xip.clone();
        Arrays.sort(this.xip);
    }

    /** Parses {@code pg_snapshot}'s text form, e.g. {@code 750:760:752,755} or {@code 760:760:}. */
    public static PgSnapshot parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a pg_snapshot: '" + text + "'");
        }
        try {
            long[] xip = parts[2].isEmpty()
                    ? new long[0]
                    : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
            return new PgSnapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pg_snapshot: '" + text + "'", e);
        }
    }

    public long xmin() {
        return xmin;
    }

    public long xmax() {
        return xmax;
    }

    public long[] xip() {
        return xip.clone();
    }

    /** The 32-bit xid {@code xid32} as the xid8 nearest to {@code xmax} (PostgreSQL's own reading of an epoch-less xid). */
    public long widen(long xid32) {
        if (xid32 <= 0 || xid32 >= TWO_32) {
            throw new IllegalArgumentException("a 32-bit transaction id is in 1..2^32-1, got " + xid32);
        }
        int distance = (int) (xid32 - (xmax & (TWO_32 - 1))); // modular difference, signed
        return xmax + distance;
    }

    /** Whether the committed transaction {@code xid32} (Debezium's {@code source.txId}) is visible in this snapshot. */
    public boolean sees(long xid32) {
        long xid = widen(xid32);
        return xid < xmin || (xid < xmax && Arrays.binarySearch(xip, xid) < 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgSnapshot that && xmin == that.xmin && xmax == that.xmax && Arrays.equals(xip, that.xip);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(xmin) + 17 * Long.hashCode(xmax) + Arrays.hashCode(xip);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(xmin).append(':').append(xmax).append(':');
        for (int i = 0; i < xip.length; i++) {
            s.append(i == 0 ? "" : ",").append(xip[i]);
        }
        return s.toString();
    }
}
