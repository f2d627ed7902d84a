package dev.jirasim.simulator.faults;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets on a world's {@link SimClock}, one per key. A bucket starts full, holds at most
 * {@code capacity} tokens and gains {@code refillPerSecond} tokens per second of world time, so buckets refill
 * only as the clock moves: a test advances the clock instead of sleeping. Who shares a bucket is the
 * caller's choice of key (for Jira, {@link RateLimit.Scope#key}).
 *
 * <p>Headers follow Atlassian's rate-limiting page (reference §5.13): a refused request gets
 * {@code Retry-After} (whole seconds until one token is back), {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining: 0}, {@code X-RateLimit-Reset} (now + Retry-After, {@code yyyy-MM-ddTHH:mmZ})
 * and {@code RateLimit-Reason}; an allowed one gets the limit, the tokens left and
 * {@code X-RateLimit-NearLimit: true} when fewer than 20 % are left.
 */
public final class RateLimiter {
    public static final String BURST = "jira-burst-based";
    /** Our wording for a refused request: the real 429 body is UNCONFIRMED (reference §5.13; docs/faults.md). */
    public static final String MESSAGE = "Rate limit exceeded.";
    /** Atlassian: NearLimit is sent when less than 20 % of the budget is left. */
    public static final double NEAR_LIMIT_FRACTION = 0.2;
    private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    // Refill arithmetic is in doubles; this keeps 10 × 0.1 s from landing a hair under one token.
    private static final double EPSILON = 1e-9;

    private final RateLimit limit;
    private final SimClock clock;
    private final String reason;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit limit, SimClock clock) {
        this(limit, clock, BURST);
    }

    /** @param reason the {@code RateLimit-Reason} a refusal names, e.g. {@code jira-quota-tenant-based} */
    public RateLimiter(RateLimit limit, SimClock clock, String reason) {
        this.limit = limit;
        this.clock = clock;
        this.reason = reason;
    }

    public RateLimit limit() {
        return limit;
    }

    /** The bucket key of a caller under this limiter's scope (perUserApp when none is set). */
    public String keyFor(String accountId, String clientId, String cloudId) {
        return limit.scopeOrDefault().key(accountId, clientId, cloudId);
    }

    /** Takes one token from {@code key}'s bucket if there is one; the decision says which, with its headers. */
    public Decision tryAcquire(String key) {
        Instant now = clock.now();
        return buckets.computeIfAbsent(key, k -> new Bucket(limit.capacity(), now)).take(now);
    }

    /** Tokens left in {@code key}'s bucket now, without taking one (whole tokens). */
    public long remaining(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? limit.capacity() : bucket.peek(clock.now());
    }

    /** Every bucket back to full. */
    public void reset() {
        buckets.clear();
    }

    /** The outcome of one request against a bucket. */
    public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds, Instant resetAt, String reason) {
        /** Allowed with less than 20 % of the bucket left. */
        public boolean nearLimit() {
            return allowed && remaining < limit * NEAR_LIMIT_FRACTION;
        }

        /** The response headers this decision calls for, in a stable order. */
        public Map<String, String> headers() {
            var headers = new LinkedHashMap<String, String>();
            if (!allowed) headers.put("Retry-After", Long.toString(retryAfterSeconds));
            headers.put("X-RateLimit-Limit", Integer.toString(limit));
            headers.put("X-RateLimit-Remaining", Long.toString(remaining));
            if (nearLimit()) headers.put("X-RateLimit-NearLimit", "true");
            if (!allowed) {
                headers.put("X-RateLimit-Reset", RESET.format(resetAt));
                headers.put("RateLimit-Reason", reason);
            }
            return headers;
        }
    }

    private final class Bucket {
        private double tokens;
        private Instant last;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized Decision take(Instant now) {
            refill(now);
            if (tokens + EPSILON >= 1) {
                tokens = Math.max(0, tokens - 1);
                return new Decision(true, limit.capacity(), whole(), 0, null, reason);
            }
            double seconds = (1 - tokens) / limit.refillPerSecond();
            long retryAfter = Math.max(1, (long) Math.ceil(seconds - EPSILON));
            return new Decision(false, limit.capacity(), 0, retryAfter, now.plusSeconds(retryAfter), reason);
        }

        synchronized long peek(Instant now) {
            refill(now);
            return whole();
        }

        private long whole() {
            return (long) Math.floor(tokens + EPSILON);
        }

        private void refill(Instant now) {
            // A clock moved back adds nothing; the bucket counts from the new instant.
            if (now.isAfter(last)) {
                Duration elapsed = Duration.between(last, now);
                double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;
                tokens = Math.min(limit.capacity(), tokens + seconds * limit.refillPerSecond());
            }
            last = now;
        }
    }
}
