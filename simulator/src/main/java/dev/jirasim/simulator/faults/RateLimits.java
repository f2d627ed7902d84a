package dev.jirasim.simulator.faults;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Javalin glue for a {@link RateLimiter}. A route module limits its paths with a before-handler:
 * <pre>{@code
 * routes.before(RateLimits.before("/api/ex/jira/**",
 *         ctx -> tenant.get().jiraRateLimiter(),
 *         ctx -> callerKey(ctx)));          // e.g. limiter.keyFor(accountId, clientId, cloudId); null = not limited
 * }</pre>
 * or, inside a handler once the caller is known, {@code if (!RateLimits.admit(ctx, limiter, key)) return;}.
 * A refused request gets 429 with Jira's error body {@link #jiraBody()} and the limiter's headers.
 */
public final class RateLimits {
    /** Our wording: the real 429 body is UNCONFIRMED (reference §5.13; docs/faults.md). */
    public static final String MESSAGE = "Rate limit exceeded.";

    private RateLimits() {
    }

    /**
     * A before-handler for requests whose path matches {@code pathGlob}: each takes a token from the bucket
     * {@code key} names in the limiter {@code limiter} gives (none: not limited). A {@code null} key lets the
     * request through unlimited, so the route can answer it (for example 401 for a missing token).
     */
    public static Handler before(String pathGlob, Function<Context, Optional<RateLimiter>> limiter, Function<Context, String> key) {
        PathGlob glob = PathGlob.of(pathGlob);
        return ctx -> {
            if (!glob.matches(ctx.path())) return;
            Optional<RateLimiter> on = limiter.apply(ctx);
            if (on.isEmpty()) return;
            String bucket = key.apply(ctx);
            if (bucket != null) admit(ctx, on.get(), bucket);
        };
    }

    /**
     * Takes a token from {@code key}'s bucket: true with the rate-limit headers added, or false with a 429
     * written and the remaining handlers skipped (the caller returns at once).
     */
    public static boolean admit(Context ctx, RateLimiter limiter, String key) {
        RateLimiter.Decision decision = limiter.tryAcquire(key);
        if (decision.allowed()) {
            decision.headers().forEach(ctx::header);
            return true;
        }
        FaultFilter.write(ctx, 429, jiraBody(), decision.headers());
        return false;
    }

    /** Jira's error shape with our message: {@code {"errorMessages":["Rate limit exceeded."],"errors":{}}}. */
    public static Map<String, Object> jiraBody() {
        var body = new LinkedHashMap<String, Object>();
        body.put("errorMessages", List.of(MESSAGE));
        body.put("errors", Map.of());
        return body;
    }
}
