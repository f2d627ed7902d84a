package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code refillPerSecond} as the world's clock
 * advances. Atlassian publishes neither its numbers nor its algorithm (reference §5.13); the defaults are ours.
 *
 * @param capacity        bucket size, the burst allowed from a full bucket (default {@value #DEFAULT_CAPACITY})
 * @param refillPerSecond tokens added per second of world time, may be fractional (default {@value #DEFAULT_REFILL_PER_SECOND})
 * @param scope           who shares a bucket: each user + app pair (Atlassian's 3LO "App + user" budget) or a
 *                        whole site; {@code null} where a scope makes no sense (a fault rule has one bucket)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimit(Integer capacity, Double refillPerSecond, Scope scope) {
    public static final int DEFAULT_CAPACITY = 100;
    public static final double DEFAULT_REFILL_PER_SECOND = 10;

    public enum Scope {
        PER_USER_APP("perUserApp"), PER_SITE("perSite");

        private final String wire;

        Scope(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        /** The bucket key of a caller: account + OAuth client for {@code perUserApp}, the site for {@code perSite}. */
        public String key(String accountId, String clientId, String cloudId) {
            return this == PER_SITE ? "site:" + cloudId : "user:" + accountId + "/app:" + clientId;
        }
    }

    public RateLimit {
        if (capacity == null) capacity = DEFAULT_CAPACITY;
        if (refillPerSecond == null) refillPerSecond = DEFAULT_REFILL_PER_SECOND;
        if (capacity < 1) throw new IllegalArgumentException("rateLimit capacity must be 1 or more, got " + capacity);
        if (!(refillPerSecond > 0) || refillPerSecond.isInfinite()) {
            throw new IllegalArgumentException("rateLimit refillPerSecond must be a positive number, got " + refillPerSecond);
        }
    }

    /** A bucket of {@code capacity} refilled at {@code refillPerSecond}, with no scope (a fault rule's limit). */
    public static RateLimit of(int capacity, double refillPerSecond) {
        return new RateLimit(capacity, refillPerSecond, null);
    }

    /** The scope, {@code perUserApp} when none is set. */
    public Scope scopeOrDefault() {
        return scope == null ? Scope.PER_USER_APP : scope;
    }
}
