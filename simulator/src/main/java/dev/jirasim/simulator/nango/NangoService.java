package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nango's secret-key API: authentication, integrations and connections. Plain Java; the routes adapt HTTP. */
final class NangoService {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final Set<String> GET_QUERY = Set.of("provider_config_key", "refresh_token", "force_refresh", "refresh_github_app_jwt_token");
    private static final Set<String> LIST_QUERY = Set.of("connectionId", "search", "endUserId", "integrationId", "endUserOrganizationId",
            "tags", "limit", "page");

    private NangoService() {
    }

    /** {@code Authorization: Bearer <secret key>}, checked in Nango's order. */
    static void authenticate(NangoStore store, String header) {
        if (header == null || header.isBlank()) throw NangoErrors.missingAuthHeader();
        if (!header.startsWith("Bearer ")) throw NangoErrors.malformedAuthHeader();
        String key = header.substring("Bearer ".length()).trim();
        if (!NangoSettings.isUuidV4(key)) throw NangoErrors.invalidSecretKeyFormat();
        if (!store.knowsSecretKey(key)) throw NangoErrors.unknownAccount();
    }

    static LinkedHashMap<String, Object> integration(Integration i) {
        var m = new LinkedHashMap<String, Object>();
        m.put("unique_key", i.uniqueKey());
        m.put("provider", i.provider());
        m.put("display_name", i.displayName());
        m.put("logo", "https://app.nango.dev/images/template-logos/" + i.provider() + ".svg");
        m.put("forward_webhooks", i.forwardsWebhooks());
        Instant created = i.createdAt() == null ? Instant.EPOCH : i.createdAt();
        m.put("created_at", zulu(created));
        m.put("updated_at", zulu(created));
        return m;
    }

    /**
     * {@code GET /integrations/{key}}: with {@code include=webhook}, also {@code webhook_url}, where the provider's
     * webhooks for this integration go (null for a provider Nango routes none for). {@code include=credentials} is
     * accepted and shows nothing here.
     */
    static Map<String, Object> integration(NangoContext ctx, Integration i, Map<String, List<String>> query) {
        var errors = new ArrayList<Map<String, Object>>();
        for (var e : query.entrySet()) {
            if (!e.getKey().equals("include")) {
                errors.add(NangoErrors.issue("unrecognized_keys", "Unrecognized key(s) in object: '" + e.getKey() + "'", List.of()));
                continue;
            }
            for (String v : e.getValue()) {
                if (!v.equals("webhook") && !v.equals("credentials")) {
                    errors.add(NangoErrors.issue("invalid_value", "Invalid option: expected one of \"webhook\"|\"credentials\"", List.of("include")));
                }
            }
        }
        if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_query_params", errors);
        var m = integration(i);
        if (query.getOrDefault("include", List.of()).contains("webhook")) {
            m.put("webhook_url", WebhookIngress.routes(i) ? WebhookIngress.url(ctx, i) : null);
        }
        return m;
    }

    /**
     * {@code POST /environment/webhook-signing-key/rotate}: a new random UUID v4 signs every webhook from now on (Nango
     * keeps signing with the old one for up to 5 minutes in other processes; here the change is immediate).
     */
    static Map<String, Object> rotateSigningKey(NangoStore store) {
        String next = java.util.UUID.randomUUID().toString();
        store.webhookSigningKey(next);
        return Map.of("data", Map.of("webhook_signing_key", next));
    }

    static Integration integrationOrThrow(NangoStore store, String key) {
        return store.integration(key).orElseThrow(() -> NangoErrors.of(404, "not_found", "Integration does not exist"));
    }

    // ---- connections --------------------------------------------------------------------------------

    static Map<String, Object> list(NangoStore store, Map<String, List<String>> query) {
        for (String k : query.keySet()) {
            if (!LIST_QUERY.contains(k) && !k.startsWith("tags[")) throw unrecognized(k);
        }
        String connectionId = first(query, "connectionId");
        String search = first(query, "search");
        String endUserId = first(query, "endUserId");
        String integrations = first(query, "integrationId");
        int limit = number(query, "limit", 10_000, 1, 10_000);
        int page = number(query, "page", 0, 0, Integer.MAX_VALUE);
        List<String> allowed = integrations == null ? null : Arrays.asList(integrations.split(","));
        var items = new ArrayList<Object>();
        for (Connection c : store.connections()) {
            if (connectionId != null && !c.connectionId().equals(connectionId)) continue;
            if (search != null && !c.connectionId().contains(search)) continue;
            if (allowed != null && !allowed.contains(c.integration())) continue;
            if (endUserId != null && (c.endUser() == null || !endUserId.equals(String.valueOf(c.endUser().get("id"))))) continue;
            items.add(summary(store, c));
        }
        int from = (int) Math.min(items.size(), (long) page * limit);
        int to = (int) Math.min(items.size(), (long) from + limit);
        return Map.of("connections", items.subList(from, to));
    }

    /** {@code GET /connection(s)/{id}}: refreshed when due (or forced), refresh tokens hidden unless asked for. */
    static Map<String, Object> get(NangoContext ctx, String connectionId, Map<String, List<String>> query) {
        NangoStore store = ctx.world().nango();
        var errors = new ArrayList<Map<String, Object>>();
        for (String k : query.keySet()) {
            if (!GET_QUERY.contains(k)) errors.add(NangoErrors.issue("unrecognized_keys", "Unrecognized key(s) in object: '" + k + "'", List.of()));
        }
        String key = first(query, "provider_config_key");
        if (key == null) errors.add(NangoErrors.issue("invalid_type", "Required", List.of("provider_config_key")));
        boolean force = bool(query, "force_refresh", errors);
        boolean withRefresh = bool(query, "refresh_token", errors);
        bool(query, "refresh_github_app_jwt_token", errors);
        if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_query_params", errors);
        Integration integration = store.integration(key)
                .orElseThrow(() -> NangoErrors.of(400, "unknown_provider_config", "Provider does not exists"));
        Connection c = store.connection(key, connectionId)
                .orElseThrow(() -> NangoErrors.of(404, "not_found", "Failed to find connection"));
        try {
            c = CredentialService.fresh(ctx, integration, c, force);
        } catch (CredentialService.RefreshFailed e) {
            // Nango answers with the refresh error's status and message under code invalid_credentials, and the
            // connection (its failure listed in errors, no credentials) in the payload.
            Connection failed = store.connection(key, connectionId).orElse(c);
            var connection = full(store, failed, false);
            connection.put("credentials", Map.of());
            throw NangoErrors.invalidCredentials(e.backoff ? NangoErrors.refreshBackoff() : NangoErrors.refreshExternal(), connection);
        }
        c = c.fetchedAt(ctx.now());
        store.update(c);
        return full(store, c, withRefresh);
    }

    static Map<String, Object> delete(NangoStore store, String connectionId, Map<String, List<String>> query) {
        String key = first(query, "provider_config_key");
        if (key == null) {
            throw NangoErrors.invalid("invalid_query_params", List.of(NangoErrors.issue("invalid_type", "Required", List.of("provider_config_key"))));
        }
        // Nango's code answers 400 unknown_connection without a message here (its OpenAPI says 404).
        if (store.connection(key, connectionId).isEmpty()) {
            throw Problem.withBody(400, "unknown_connection", Map.of("error", Map.of("code", "unknown_connection")));
        }
        return Map.of("success", store.delete(key, connectionId));
    }

    static Map<String, Object> summary(NangoStore store, Connection c) {
        var m = common(store, c);
        m.put("created", zulu(c.createdAt()));
        return m;
    }

    static Map<String, Object> full(NangoStore store, Connection c, boolean withRefreshToken) {
        var m = common(store, c);
        m.put("connection_config", c.connectionConfig());
        m.put("webhook_url_override", c.webhookUrlOverride());
        m.put("created_at", offset(c.createdAt()));
        m.put("updated_at", offset(c.updatedAt()));
        m.put("last_fetched_at", c.lastFetchedAt() == null ? null : offset(c.lastFetchedAt()));
        var credentials = new LinkedHashMap<String, Object>();
        credentials.put("type", "OAUTH2");
        credentials.put("access_token", c.credentials().accessToken());
        if (withRefreshToken && c.credentials().refreshToken() != null) credentials.put("refresh_token", c.credentials().refreshToken());
        credentials.put("expires_at", c.credentials().expiresAt() == null ? null : zulu(c.credentials().expiresAt()));
        var raw = new LinkedHashMap<>(c.credentials().raw());
        if (!withRefreshToken) raw.remove("refresh_token");
        credentials.put("raw", raw);
        m.put("credentials", credentials);
        return m;
    }

    private static LinkedHashMap<String, Object> common(NangoStore store, Connection c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("connection_id", c.connectionId());
        m.put("provider_config_key", c.integration());
        m.put("provider", store.integration(c.integration()).map(Integration::provider).orElse(null));
        // A failed refresh shows as an auth error until a refresh succeeds (the log id is ours: there are no logs here).
        m.put("errors", c.refreshFailedAt() == null ? List.of()
                : List.of(Map.of("type", "auth", "log_id", "refresh-" + c.refreshFailedAt().toEpochMilli())));
        m.put("end_user", endUser(c.endUser()));
        m.put("tags", c.tags());
        m.put("metadata", c.metadata());
        return m;
    }

    private static Map<String, Object> endUser(Map<String, Object> stored) {
        if (stored == null || stored.isEmpty()) return null;
        var m = new LinkedHashMap<String, Object>();
        m.put("id", stored.get("id"));
        m.put("display_name", stored.get("display_name"));
        m.put("email", stored.get("email"));
        m.put("tags", stored.getOrDefault("tags", null));
        m.put("organization", stored.getOrDefault("organization", null));
        return m;
    }

    static String zulu(Instant t) {
        return t == null ? null : ISO_MILLIS.format(t) + "Z";
    }

    /** The single-connection route writes its timestamps as {@code …+00:00}. */
    static String offset(Instant t) {
        return t == null ? null : ISO_MILLIS.format(t) + "+00:00";
    }

    static String first(Map<String, List<String>> query, String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static boolean bool(Map<String, List<String>> query, String key, List<Map<String, Object>> errors) {
        String v = first(query, key);
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        errors.add(NangoErrors.issue("invalid_enum_value", "Invalid enum value. Expected 'true' | 'false', received '" + v + "'", List.of(key)));
        return false;
    }

    private static int number(Map<String, List<String>> query, String key, int dflt, int min, int max) {
        String v = first(query, key);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw NangoErrors.invalid("invalid_query_params",
                List.of(NangoErrors.issue("invalid_type", "Expected a number between " + min + " and " + max, List.of(key))));
    }

    private static Problem unrecognized(String key) {
        return NangoErrors.invalid("invalid_query_params",
                List.of(NangoErrors.issue("unrecognized_keys", "Unrecognized key(s) in object: '" + key + "'", List.of())));
    }
}
