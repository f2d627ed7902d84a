package dev.jirasim.simulator.faults;

import java.util.Map;

/**
 * What a matching fault does to one request: wait {@code delayMs}, then either answer with {@code status}
 * (when {@code answers()}) or let the request through with {@code headers} added (a rate limit's counters).
 *
 * @param body {@code null} for the emulated host's own error body for the status
 */
public record FaultOutcome(String faultId, long delayMs, Integer status, Object body, Map<String, String> headers) {
    public FaultOutcome {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The request is answered here; the route never sees it. */
    public boolean answers() {
        return status != null;
    }
}
