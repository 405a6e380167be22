package com.contactsync.normalize;

/** The Punycode encoding of RFC 3492, for the labels java.net.IDN would map instead of encode. */
final class Punycode {

    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {}

    /** The Punycode of a label (without the "xn--" prefix), or null when it would overflow. */
    static String encode(String label) {
        int[] codePoints = label.codePoints().toArray();
        StringBuilder out = new StringBuilder(codePoints.length + 8);
        for (int cp : codePoints) {
            if (cp < INITIAL_N) {
                out.append((char) cp);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < codePoints.length) {
            int m = Integer.MAX_VALUE;
            for (int cp : codePoints) {
                if (cp >= n && cp < m) {
                    m = cp;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            if (delta > Integer.MAX_VALUE) {
                return null;
            }
            n = m;
            for (int cp : codePoints) {
                if (cp < n) {
                    delta++;
                } else if (cp == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                        if (q < t) {
                            break;
                        }
                        out.append(digit(t + (int) ((q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    private static int adapt(long delta, int numPoints, boolean first) {
        long d = first ? delta / DAMP : delta / 2;
        d += d / numPoints;
        int k = 0;
        while (d > ((BASE - T_MIN) * T_MAX) / 2) {
            d /= BASE - T_MIN;
            k += BASE;
        }
        return (int) (k + (BASE - T_MIN + 1) * d / (d + SKEW));
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
