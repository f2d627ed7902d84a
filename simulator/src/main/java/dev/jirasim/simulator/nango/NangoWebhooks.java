package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.webhooks.Outgoing;
import dev.jirasim.simulator.webhooks.RetryPolicy;
import dev.jirasim.simulator.webhooks.Signatures;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoSettings.Webhooks;
import dev.jirasim.simulator.world.NangoStore;
import dev.jirasim.simulator.world.UndoLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nango's webhooks to the app's backend (reference webhooks.md part B): who gets one ({@code shouldSend}, the
 * connection's URL override), the body ({@code auth}, {@code forward}), and the transport: a POST of the body as
 * {@link StableJson} to the primary and the secondary URL, each signed with the environment's webhook signing key
 * ({@code X-Nango-Signature}: SHA-256 of key + body; {@code X-Nango-Hmac-Sha256}: HMAC-SHA256 of the body), retried
 * as Nango retries. A webhook leaves only if the request that caused it keeps its changes.
 */
final class NangoWebhooks {
    /** Nango's {@code retryFlexible}: two retries, 3 s then 6 s, for network errors and 5xx; 3xx and 4xx are final. */
    static final RetryPolicy RETRY = new RetryPolicy(List.of(Duration.ofSeconds(3), Duration.ofSeconds(6)), Set.of(), true, true);
    /** {@code NANGO_WEBHOOK_TIMEOUT_MS}. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Nango's {@code userAgent} shape; the version is the one the reference describes, the platform ours. */
    static final String USER_AGENT = "nango/0.71.4 (linux/jirasim; node.js/20.18.0)";
    /** Provider headers never forwarded: Nango's {@code NON_FORWARDABLE_HEADERS}, matched as name prefixes as Nango does. */
    private static final List<String> NOT_FORWARDED = List.of("host", "authorization", "connection", "keep-alive", "content-length",
            "content-type", "content-encoding", "cookie", "set-cookie", "referer", "user-agent", "sec-", "proxy-", "www-authenticate", "server");
    /**
     * Hop-by-hop headers (whole names) no proxy passes on: our addition to Nango's list, so a forward stays a valid
     * request. A provider's own {@code X-Nango-*} headers are dropped too: Nango's signature headers replace them.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("transfer-encoding", "te", "trailer", "upgrade", "expect");

    /** Nango's auth operations. */
    enum Operation {
        CREATION, OVERRIDE, REFRESH;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A failed auth operation: Nango's {@code {type, description}}. */
    record AuthError(String type, String description) {
    }

    private NangoWebhooks() {
    }

    /** A connection made ({@code creation}) or made again ({@code override}): {@code endUser} is the connect session's, if any. */
    static void connected(NangoContext ctx, Connection c, boolean created, Map<String, Object> endUser) {
        NangoStore store = ctx.world().nango();
        Webhooks settings = store.webhooks().forConnection(c.webhookUrlOverride());
        if (created && !settings.authCreation()) return; // an override has no toggle of its own: sent whenever there is a URL
        auth(ctx, settings, c.connectionId(), c.integration(), c.tags(), endUser, created ? Operation.CREATION : Operation.OVERRIDE, null);
    }

    /**
     * A connect attempt that failed: Nango knows no connection yet, only its ids (and the session's URL override), so
     * there are no tags and no end user, and the operation is {@code creation} whatever the connection was before.
     */
    static void creationFailed(NangoContext ctx, String connectionId, String integration, String webhookUrlOverride, AuthError error) {
        Webhooks settings = ctx.world().nango().webhooks().forConnection(webhookUrlOverride);
        if (!settings.authCreation()) return;
        auth(ctx, settings, connectionId, integration, null, null, Operation.CREATION, error);
    }

    /** A refresh the provider refused. */
    static void refreshFailed(NangoContext ctx, Connection c, AuthError error) {
        Webhooks settings = ctx.world().nango().webhooks().forConnection(c.webhookUrlOverride());
        if (!settings.authRefreshError()) return;
        auth(ctx, settings, c.connectionId(), c.integration(), c.tags(), null, Operation.REFRESH, error);
    }

    private static void auth(NangoContext ctx, Webhooks settings, String connectionId, String integrationKey, Map<String, String> tags,
                             Map<String, Object> endUser, Operation operation, AuthError error) {
        NangoStore store = ctx.world().nango();
        Integration integration = store.integration(integrationKey).orElse(null);
        var body = new LinkedHashMap<String, Object>();
        body.put("from", "nango");
        body.put("type", "auth");
        body.put("connectionId", connectionId);
        body.put("providerConfigKey", integrationKey);
        body.put("authMode", "OAUTH2"); // both providers' auth_mode
        body.put("provider", integration == null ? "unknown" : integration.provider());
        body.put("environment", store.environment());
        body.put("operation", operation.wire());
        if (tags != null) body.put("tags", tags);
        if (endUser != null && !endUser.isEmpty()) body.put("endUser", endUser(endUser));
        body.put("success", error == null);
        if (error != null) body.put("error", Map.of("type", error.type(), "description", error.description()));
        send(ctx, settings, "auth", body, Map.of());
    }

    /**
     * The connect session's end user as the webhook shows it: {@code endUserEmail} null when the session gave none,
     * {@code organizationId} only with an organization, {@code tags} the end user's own ({} when none).
     */
    private static Map<String, Object> endUser(Map<String, Object> stored) {
        var m = new LinkedHashMap<String, Object>();
        m.put("endUserId", stored.get("id"));
        Object email = stored.get("email");
        m.put("endUserEmail", email instanceof String s && !s.isEmpty() ? s : null);
        if (stored.get("organization") instanceof Map<?, ?> org && org.get("id") != null) m.put("organizationId", org.get("id"));
        m.put("tags", stored.get("tags") instanceof Map<?, ?> t ? t : Map.of());
        return m;
    }

    /**
     * A provider webhook forwarded: one {@code forward} body per matched connection (each with its own URL override), or
     * the provider's body itself, unwrapped, when no connection matched. {@code headers} are the provider's, lower-case.
     */
    static void forward(NangoContext ctx, Integration integration, List<Connection> matched, Object payload, Map<String, String> headers) {
        if (!integration.forwardsWebhooks()) return;
        Map<String, String> forwarded = forwardable(headers);
        Webhooks environment = ctx.world().nango().webhooks();
        if (matched.isEmpty()) {
            send(ctx, environment, "forward", payload, forwarded);
            return;
        }
        for (Connection c : matched) {
            var body = new LinkedHashMap<String, Object>();
            body.put("from", integration.provider());
            body.put("providerConfigKey", integration.uniqueKey());
            body.put("type", "forward");
            body.put("payload", payload);
            body.put("connectionId", c.connectionId());
            send(ctx, environment.forConnection(c.webhookUrlOverride()), "forward", body, forwarded);
        }
    }

    /** Nango's {@code filterHeaders}: a header goes unless its name starts with one of {@link #NOT_FORWARDED}. */
    static Map<String, String> forwardable(Map<String, String> headers) {
        var out = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (NOT_FORWARDED.stream().noneMatch(lower::startsWith) && !HOP_BY_HOP.contains(lower) && !lower.startsWith("x-nango-")) {
                out.put(lower, value);
            }
        });
        return out;
    }

    /**
     * The same signed body to the primary URL and then the secondary: Nango's {@code deliver} awaits each URL's
     * attempts, retries included, before it starts the next, so the secondary's first attempt follows the primary's last.
     */
    private static void send(NangoContext ctx, Webhooks settings, String type, Object body, Map<String, String> extraHeaders) {
        Deliveries deliveries = ctx.webhooks();
        String key = ctx.world().nango().webhookSigningKey().orElse(null);
        if (deliveries == null || key == null || !settings.anyUrl()) return;
        String text = StableJson.write(body);
        // The forwarded provider headers first, then Nango's own, as Nango lists them.
        var headers = new LinkedHashMap<String, String>(extraHeaders);
        headers.put("X-Nango-Signature", Signatures.sha256Hex(key + text));
        headers.put("X-Nango-Hmac-Sha256", Signatures.hmacSha256Hex(key, text));
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        Map<String, String> fixed = java.util.Collections.unmodifiableMap(headers);
        Outgoing secondary = settings.secondaryUrl() == null ? null
                : new Outgoing("nango", type, settings.secondaryUrl(), text, (id, attempt, now) -> fixed, RETRY, TIMEOUT);
        Outgoing first = settings.primaryUrl() == null ? secondary
                : new Outgoing("nango", type, settings.primaryUrl(), text, (id, attempt, now) -> fixed, RETRY, TIMEOUT, secondary);
        Deliveries.Ticket ticket = deliveries.submit(first);
        UndoLog.afterCommit(ticket::release, ticket::cancel);
    }
}
