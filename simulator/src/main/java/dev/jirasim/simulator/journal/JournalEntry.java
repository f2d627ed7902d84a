package dev.jirasim.simulator.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One request the simulator answered, with secrets already masked. {@code at} is the world's clock;
 * {@code fault} is the id of the injected fault that answered, delayed or rate-limited it, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(
        long seq,
        Instant at,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        int status,
        long durationMs,
        String fault) {
}
