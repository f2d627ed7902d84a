package dev.jirasim.simulator.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * When a failed attempt is tried again, and after how long on the simulated clock. Each producer brings its
 * own (Jira's and Nango's rules differ); {@code delays.get(n)} is the wait before retry {@code n + 1}, so
 * {@code delays.size()} is the number of retries.
 *
 * @param delays              waits between attempts, in order
 * @param retryStatuses       statuses retried besides the 5xx range when {@link #retryServerErrors}
 * @param retryServerErrors   whether every 5xx status is retried
 * @param retryNetworkErrors  whether a connection failure or timeout (no status at all) is retried
 */
public record RetryPolicy(List<Duration> delays, Set<Integer> retryStatuses, boolean retryServerErrors, boolean retryNetworkErrors) {
    /** Never retried. */
    public static final RetryPolicy NONE = new RetryPolicy(List.of(), Set.of(), false, false);

    public RetryPolicy {
        delays = List.copyOf(delays);
        retryStatuses = Set.copyOf(retryStatuses);
        for (Duration d : delays) if (d.isNegative()) throw new IllegalArgumentException("a retry delay cannot be negative: " + d);
    }

    /** Whether an attempt that ended so ({@code status} null: no answer) is worth another. */
    public boolean retries(Integer status) {
        if (status == null) return retryNetworkErrors;
        return retryStatuses.contains(status) || (retryServerErrors && status >= 500 && status <= 599);
    }

    /** How many attempts there are at most: the first and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }
}
