package com.contactsync.normalize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verdicts computed per e-mail domain, remembered up to a bound. Domains repeat across profiles far
 * more than they vary, so most lookups are hits; the bound keeps a stream of one-off domains from
 * growing memory (past it, verdicts are computed each time).
 *
 * @param <V> the verdict; never null (wrap an absent one in an {@code Optional})
 */
final class DomainVerdicts<V> {

    private static final int LIMIT = 100_000;

    private final Map<String, V> verdicts = new ConcurrentHashMap<>();
    private final Function<String, V> compute;

    DomainVerdicts(Function<String, V> compute) {
        this.compute = compute;
    }

    V of(String domain) {
        V known = verdicts.get(domain);
        if (known != null) {
            return known;
        }
        V verdict = compute.apply(domain);
        if (verdicts.size() < LIMIT) {
            verdicts.put(domain, verdict);
        }
        return verdict;
    }
}
