package dev.jirasim.simulator.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One attempt to deliver a webhook, as the control API lists it ({@code GET /__admin/webhooks/deliveries}).
 * Header values that are credentials are masked (see {@code common.Redact}); the body is the JSON that was sent.
 *
 * @param seq         order of the attempts of this tenant, from 1
 * @param deliveryId  the delivery the attempt belongs to: the same for the first attempt and its retries
 * @param attempt     1 for the first attempt, 2 for the first retry, …
 * @param at          simulated time of the attempt
 * @param status      the receiver's status; null when there was no answer (then {@code error} says why)
 * @param outcome     {@code delivered} (2xx), {@code retrying} (another attempt is due at {@code nextAttemptAt}) or
 *                    {@code failed} (not retried, or no retry left)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttempt(long seq, String deliveryId, int attempt, String source, String event, String url,
                              Map<String, String> headers, Object payload, Instant at, Integer status, String error, long durationMs,
                              String outcome, Instant nextAttemptAt) {
    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    public DeliveryAttempt {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
