package dev.jirasim.simulator.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook message as its producer rendered it: a POST of {@code body} to {@code url}. Headers are made per
 * attempt, because some depend on the attempt (a retry counter, a signed token with a fresh issue time).
 *
 * @param source  who sends it ({@code jira}, {@code nango}): shown in the delivery list
 * @param event   what it reports ({@code jira:issue_created}, {@code auth}, …): shown in the delivery list
 * @param body    the exact bytes to send, as text (UTF-8); signatures are computed over it
 * @param timeout how long one attempt may wait for an answer (real time)
 * @param then    a message that leaves only once this one is over (delivered, or given up after its last retry), or
 *                null: Nango sends to the primary URL, retries included, before the secondary
 */
public record Outgoing(String source, String event, String url, String body, Headers headers, RetryPolicy retry, Duration timeout,
                       Outgoing then) {
    /** The headers of one attempt. */
    @FunctionalInterface
    public interface Headers {
        /**
         * @param deliveryId the id of the delivery, the same on every attempt
         * @param attempt    1 for the first attempt, 2 for the first retry, …
         * @param now        the simulated time of the attempt
         */
        Map<String, String> of(String deliveryId, int attempt, Instant now);
    }

    public Outgoing {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        if (headers == null) headers = (id, attempt, now) -> Map.of("Content-Type", "application/json");
        if (retry == null) retry = RetryPolicy.NONE;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) timeout = Duration.ofSeconds(10);
    }

    /** A message with nothing after it. */
    public Outgoing(String source, String event, String url, String body, Headers headers, RetryPolicy retry, Duration timeout) {
        this(source, event, url, body, headers, retry, timeout, null);
    }
}
