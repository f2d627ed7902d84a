package dev.jirasim.simulator.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.world.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final SimClock clock = new SimClock();

    @BeforeEach
    void freeze() {
        clock.freeze();
        clock.set(Instant.parse("2030-01-01T12:00:30Z"));
    }

    private RateLimiter limiter(int capacity, double refillPerSecond) {
        return new RateLimiter(RateLimit.of(capacity, refillPerSecond), clock);
    }

    @Test
    void aFullBucketAllowsItsCapacityThenRefuses() {
        RateLimiter limiter = limiter(3, 1);
        assertEquals(2, limiter.tryAcquire("k").remaining());
        assertEquals(1, limiter.tryAcquire("k").remaining());
        assertEquals(0, limiter.tryAcquire("k").remaining());
        RateLimiter.Decision refused = limiter.tryAcquire("k");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(3, refused.limit());
    }

    @Test
    void bucketsRefillOnlyAsTheClockAdvances() {
        RateLimiter limiter = limiter(2, 0.5);
        limiter.tryAcquire("k");
        limiter.tryAcquire("k");
        assertFalse(limiter.tryAcquire("k").allowed());
        clock.advance(Duration.ofMillis(1999));
        assertFalse(limiter.tryAcquire("k").allowed(), "one token takes two seconds at 0.5/s");
        clock.advance(Duration.ofMillis(1));
        assertTrue(limiter.tryAcquire("k").allowed());
        assertFalse(limiter.tryAcquire("k").allowed());
        clock.advance(Duration.ofHours(1));
        assertEquals(2, limiter.remaining("k"), "never more than the capacity");
    }

    @Test
    void fractionalRefillAddsUpExactly() {
        RateLimiter limiter = limiter(1, 0.1);
        limiter.tryAcquire("k");
        for (int i = 0; i < 10; i++) clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire("k").allowed(), "ten steps of 0.1 make one token");
    }

    @Test
    void retryAfterIsWholeSecondsUntilOneToken() {
        RateLimiter limiter = limiter(2, 0.1);
        limiter.tryAcquire("k");
        limiter.tryAcquire("k");
        assertEquals(10, limiter.tryAcquire("k").retryAfterSeconds());
        clock.advance(Duration.ofMillis(2500));
        assertEquals(8, limiter.tryAcquire("k").retryAfterSeconds(), "7.5 s left rounds up");
        RateLimiter fast = limiter(1, 4);
        fast.tryAcquire("k");
        assertEquals(1, fast.tryAcquire("k").retryAfterSeconds(), "a quarter second still says 1");
    }

    @Test
    void refusalHeadersFollowAtlassian() {
        RateLimiter limiter = limiter(2, 0.1);
        limiter.tryAcquire("k");
        limiter.tryAcquire("k");
        Map<String, String> headers = limiter.tryAcquire("k").headers();
        assertEquals("10", headers.get("Retry-After"));
        assertEquals("2", headers.get("X-RateLimit-Limit"));
        assertEquals("0", headers.get("X-RateLimit-Remaining"));
        // 12:00:30 + 10 s, written to the minute as the real header is.
        assertEquals("2030-01-01T12:00Z", headers.get("X-RateLimit-Reset"));
        assertEquals("jira-burst-based", headers.get("RateLimit-Reason"));
        clock.advance(Duration.ofSeconds(25));
        limiter.tryAcquire("k");
        limiter.tryAcquire("k");
        // 12:00:55 + 10 s crosses the minute.
        assertEquals("2030-01-01T12:01Z", limiter.tryAcquire("k").headers().get("X-RateLimit-Reset"));
    }

    @Test
    void theReasonCanBeChosen() {
        var limiter = new RateLimiter(RateLimit.of(1, 1), clock, "jira-quota-tenant-based");
        limiter.tryAcquire("k");
        assertEquals("jira-quota-tenant-based", limiter.tryAcquire("k").headers().get("RateLimit-Reason"));
    }

    @Test
    void nearLimitIsSentUnderTwentyPercent() {
        RateLimiter limiter = limiter(10, 1);
        for (int left = 9; left >= 2; left--) {
            Map<String, String> headers = limiter.tryAcquire("k").headers();
            assertEquals(Integer.toString(left), headers.get("X-RateLimit-Remaining"));
            assertFalse(headers.containsKey("X-RateLimit-NearLimit"), "2 of 10 is 20 %, not under");
            assertFalse(headers.containsKey("Retry-After"));
        }
        assertEquals("true", limiter.tryAcquire("k").headers().get("X-RateLimit-NearLimit"));
        assertEquals("true", limiter.tryAcquire("k").headers().get("X-RateLimit-NearLimit"));
        assertFalse(limiter.tryAcquire("k").headers().containsKey("X-RateLimit-NearLimit"), "a refusal has Retry-After instead");
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 1.0, RateLimit.Scope.PER_USER_APP), clock);
        String alice = limiter.keyFor("alice", "app", "site-1");
        String bob = limiter.keyFor("bob", "app", "site-1");
        assertTrue(limiter.tryAcquire(alice).allowed());
        assertFalse(limiter.tryAcquire(alice).allowed());
        assertTrue(limiter.tryAcquire(bob).allowed());
        assertFalse(limiter.tryAcquire(limiter.keyFor("alice", "app", "site-2")).allowed(), "per user + app, whatever the site");
        assertTrue(limiter.tryAcquire(limiter.keyFor("alice", "other-app", "site-1")).allowed());

        RateLimiter perSite = new RateLimiter(new RateLimit(1, 1.0, RateLimit.Scope.PER_SITE), clock);
        assertTrue(perSite.tryAcquire(perSite.keyFor("alice", "app", "site-1")).allowed());
        assertFalse(perSite.tryAcquire(perSite.keyFor("bob", "other-app", "site-1")).allowed(), "one bucket per site");
    }

    @Test
    void aClockMovedBackAddsNothing() {
        RateLimiter limiter = limiter(1, 1);
        limiter.tryAcquire("k");
        clock.set(Instant.parse("2029-01-01T00:00:00Z"));
        assertFalse(limiter.tryAcquire("k").allowed());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire("k").allowed());
    }

    @Test
    void resetFillsEveryBucket() {
        RateLimiter limiter = limiter(1, 0.01);
        limiter.tryAcquire("k");
        limiter.reset();
        assertTrue(limiter.tryAcquire("k").allowed());
    }

    @Test
    void settingsAreValidatedAndDefaulted() {
        var defaults = new RateLimit(null, null, null);
        assertEquals(RateLimit.DEFAULT_CAPACITY, defaults.capacity());
        assertEquals(RateLimit.DEFAULT_REFILL_PER_SECOND, defaults.refillPerSecond());
        assertEquals(RateLimit.Scope.PER_USER_APP, defaults.scopeOrDefault());
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(1, Double.POSITIVE_INFINITY));
    }
}
