package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.NangoStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Nango's credential freshness rules (reference nango.md §1.4): refresh when less than 15 minutes remain or
 * when forced; keep the old refresh token if the answer has none; after a failed refresh, unforced requests
 * within 30 seconds fail fast; one refresh at a time per connection, later callers see its result.
 */
final class CredentialService {
    static final Duration MARGIN = Duration.ofMinutes(15);
    static final Duration BACKOFF = Duration.ofSeconds(30);
    /** Nango's error for a refresh the provider refused: its code and message, also the failed refresh webhook's error. */
    static final String REFRESH_ERROR = "refresh_token_external_error";
    static final String REFRESH_ERROR_MESSAGE = "The external API returned an error when trying to refresh the access token. Please try again later.";

    /** A refresh the provider refused: its status and body. */
    static final class RefreshFailed extends RuntimeException {
        final int status;
        final String body;
        final boolean backoff;

        RefreshFailed(int status, String body, boolean backoff) {
            super(body);
            this.status = status;
            this.body = body;
            this.backoff = backoff;
        }
    }

    private CredentialService() {
    }

    static Connection fresh(NangoContext ctx, Integration integration, Connection seen, boolean force) {
        NangoStore store = ctx.world().nango();
        synchronized (store.refreshLock(seen.integration(), seen.connectionId())) {
            Connection c = store.connection(seen.integration(), seen.connectionId()).orElse(seen);
            Instant now = ctx.now();
            Instant expiresAt = c.credentials().expiresAt();
            boolean due = force || (expiresAt != null && expiresAt.minus(MARGIN).isBefore(now));
            if (!due) return c;
            if (!force && c.refreshFailedAt() != null && now.isBefore(c.refreshFailedAt().plus(BACKOFF))) {
                throw new RefreshFailed(424, "backoff", true);
            }
            if (c.credentials().refreshToken() == null) return c;
            Upstream.Answer answer;
            try {
                answer = ProviderToken.refresh(ctx, integration, c.connectionConfig(), c.credentials().refreshToken());
            } catch (IOException e) {
                throw failed(ctx, c, now, new RefreshFailed(400, e.getMessage(), false));
            }
            if (answer.status() != 200) {
                throw failed(ctx, c, now, new RefreshFailed(answer.status(), answer.text(), false));
            }
            Connection next = c.withCredentials(parse(answer.text(), c.credentials().refreshToken(), ctx.now()), ctx.now());
            store.update(next);
            return next;
        }
    }

    /**
     * A refresh the provider refused: the failure noted on the connection (for the backoff) and Nango's failed
     * {@code refresh} auth webhook sent, with the error Nango reports for it (a backoff sends none: no refresh ran).
     */
    private static RefreshFailed failed(NangoContext ctx, Connection c, Instant now, RefreshFailed e) {
        ctx.world().nango().update(c.refreshFailed(now));
        NangoWebhooks.refreshFailed(ctx, c, new NangoWebhooks.AuthError(REFRESH_ERROR, REFRESH_ERROR_MESSAGE));
        return e;
    }

    /** Credentials from a token answer; {@code previousRefresh} stays when the answer carries none. */
    @SuppressWarnings("unchecked")
    static NangoSettings.Credentials parse(String json, String previousRefresh, Instant now) {
        Map<String, Object> raw;
        try {
            raw = dev.jirasim.simulator.common.Json.MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new RefreshFailed(400, "unreadable token answer", false);
        }
        Object access = raw.get("access_token");
        if (!(access instanceof String token)) throw new RefreshFailed(400, "no access_token in the token answer", false);
        Object refresh = raw.get("refresh_token");
        Object expiresIn = raw.get("expires_in");
        Instant expiresAt = expiresIn instanceof Number n ? now.plusSeconds(n.longValue()) : null;
        return new NangoSettings.Credentials(token, refresh instanceof String r ? r : previousRefresh, expiresAt, raw);
    }
}
