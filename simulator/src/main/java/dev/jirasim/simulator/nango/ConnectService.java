package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Urls;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.NangoStore.ConnectSession;
import dev.jirasim.simulator.world.NangoStore.OAuthSession;
import dev.jirasim.simulator.world.NangoStore;
import dev.jirasim.simulator.world.Pkce;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Connecting an account the way Nango does: connect sessions, {@code /oauth/connect/{key}} (PKCE S256, state,
 * scopes and the provider's authorization parameters), and {@code /oauth/callback} (code exchange, the
 * connection stored, then Jira's post-connection site selection, reference nango.md §2).
 */
final class ConnectService {
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SESSION_KEYS = Set.of("end_user", "organization", "allowed_integrations", "integrations_config_defaults",
            "overrides", "webhook_url_override", "tags");

    /** What {@code /oauth/connect} and {@code /oauth/callback} answer when they do not redirect. */
    record Page(int status, String html) {
    }

    private ConnectService() {
    }

    // ---- POST /connect/sessions ---------------------------------------------------------------------

    static Map<String, Object> createSession(NangoContext ctx, String text) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : Json.MAPPER.readTree(text);
        } catch (IOException e) {
            body = null;
        }
        var errors = new ArrayList<Map<String, Object>>();
        if (body == null || !body.isObject()) {
            throw NangoErrors.invalid("invalid_body", List.of(NangoErrors.issue("invalid_type", "Expected object", List.of())));
        }
        body.fieldNames().forEachRemaining(k -> {
            if (!SESSION_KEYS.contains(k)) errors.add(NangoErrors.issue("unrecognized_keys", "Unrecognized key(s) in object: '" + k + "'", List.of()));
        });
        JsonNode endUser = body.get("end_user");
        if (endUser == null && !body.has("tags")) errors.add(NangoErrors.issue("invalid_type", "Required", List.of("end_user")));
        if (endUser != null && (!endUser.isObject() || !endUser.path("id").isTextual() || endUser.path("id").asText().isEmpty())) {
            errors.add(NangoErrors.issue("invalid_type", "Required", List.of("end_user", "id")));
        }
        NangoStore store = ctx.world().nango();
        var allowed = new ArrayList<String>();
        JsonNode list = body.get("allowed_integrations");
        if (list != null) {
            if (!list.isArray()) errors.add(NangoErrors.issue("invalid_type", "Expected array", List.of("allowed_integrations")));
            else for (int i = 0; i < list.size(); i++) {
                String key = list.get(i).asText();
                if (store.integration(key).isEmpty()) errors.add(NangoErrors.issue("custom", "Integration does not exist", List.of("allowed_integrations", i)));
                allowed.add(key);
            }
        }
        var defaults = new LinkedHashMap<String, Map<String, Object>>();
        JsonNode configs = body.get("integrations_config_defaults");
        if (configs != null && configs.isObject()) {
            configs.fields().forEachRemaining(e -> {
                JsonNode cc = e.getValue().path("connection_config");
                if (cc.isObject()) defaults.put(e.getKey(), Json.MAPPER.convertValue(cc, Map.class));
            });
        }
        JsonNode override = body.get("webhook_url_override");
        if (override != null && !override.isNull() && !validUrl(override)) {
            errors.add(NangoErrors.issue("invalid_format", "Invalid URL", List.of("webhook_url_override")));
        }
        if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_body", errors);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "nango_connect_session_" + HexFormat.of().formatHex(random);
        Instant expires = ctx.now().plus(SESSION_LIFETIME);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = endUser == null ? Map.of() : new LinkedHashMap<>(Json.MAPPER.convertValue(endUser, Map.class));
        JsonNode organization = body.get("organization");
        if (endUser != null && organization != null && organization.isObject()) user.put("organization", Json.MAPPER.convertValue(organization, Map.class));
        String webhookUrl = override == null || override.isNull() || override.asText().isBlank() ? null : override.asText();
        store.addConnectSession(new ConnectSession(token, user, List.copyOf(allowed), defaults, expires, SessionTags.of(endUser, organization,
                body.get("tags")), webhookUrl));
        var data = new LinkedHashMap<String, Object>();
        data.put("token", token);
        data.put("connect_link", ctx.publicBase() + "/nango/connect?session_token=" + token);
        data.put("expires_at", NangoService.zulu(expires));
        return Map.of("data", data);
    }

    /** An absolute http(s) URL, as Nango's {@code webhookUrlSchema} wants (an empty string means none). */
    private static boolean validUrl(JsonNode value) {
        if (!value.isTextual()) return false;
        if (value.asText().isBlank()) return true;
        try {
            NangoSettings.Webhooks.to(value.asText());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A bare stand-in for Nango's hosted Connect UI: one link per integration the session may use. */
    static Page connectPage(NangoContext ctx, String token) {
        NangoStore store = ctx.world().nango();
        ConnectSession session = token == null ? null : store.connectSession(token).filter(s -> ctx.now().isBefore(s.expiresAt())).orElse(null);
        if (session == null) return new Page(401, Pages.result(false, "Unknown or expired connect session.", null, null));
        var links = new StringBuilder();
        for (Integration i : store.integrations()) {
            if (!session.allowedIntegrations().isEmpty() && !session.allowedIntegrations().contains(i.uniqueKey())) continue;
            links.append("<li><a id=\"connect-").append(Pages.esc(i.uniqueKey())).append("\" href=\"oauth/connect/")
                    .append(Pages.esc(i.uniqueKey())).append("?connect_session_token=").append(Pages.esc(token)).append("\">")
                    .append(Pages.esc(i.displayName())).append("</a></li>");
        }
        return new Page(200, Pages.page("Connect an account", "<h1>Connect an account</h1><ul>" + links + "</ul>"));
    }

    // ---- GET /oauth/connect/{key} -------------------------------------------------------------------

    /** The query of {@code /oauth/connect/{key}}, read: {@code params[...]} and {@code authorization_params[...]} unwrapped. */
    private record ConnectQuery(String sessionToken, String connectionId, String publicKey, Map<String, String> params,
                                Map<String, String> authorizationParams) {
        static ConnectQuery parse(Map<String, List<String>> query) {
            return new ConnectQuery(NangoService.first(query, "connect_session_token"), NangoService.first(query, "connection_id"),
                    NangoService.first(query, "public_key"), bracketed(query, "params"), bracketed(query, "authorization_params"));
        }

        /** {@code name[x]=v} as {@code x -> v}, in query order. */
        private static Map<String, String> bracketed(Map<String, List<String>> query, String name) {
            var out = new LinkedHashMap<String, String>();
            for (var e : query.entrySet()) {
                String k = e.getKey();
                if (k.startsWith(name + "[") && k.endsWith("]") && !e.getValue().isEmpty()) {
                    out.put(k.substring(name.length() + 1, k.length() - 1), e.getValue().get(0));
                }
            }
            return out;
        }
    }

    /**
     * Who is connecting: the connection id, the end user, the config their connect session sets by default, and the
     * tags and webhook URL override the connection gets (null tags: no connect session, so none given).
     */
    private record Connecting(String connectionId, Map<String, Object> endUser, Map<String, Object> configDefaults, Map<String, String> tags,
                              String webhookUrlOverride) {
    }

    /**
     * Returns the authorize URL to redirect to: the query read, then who connects to what decided (refusals in
     * Nango's order: session or public key, integration, connection config), then the OAuth session stored.
     */
    static String connect(NangoContext ctx, String integrationKey, Map<String, List<String>> query) {
        ConnectQuery request = ConnectQuery.parse(query);
        Connecting who = request.sessionToken() != null ? bySession(ctx, integrationKey, request) : byPublicKey(ctx, request);
        Integration integration = ctx.world().nango().integration(integrationKey)
                .orElseThrow(() -> NangoErrors.of(400, "unknown_provider_config", "There is no Provider Configuration matching this key."));
        NangoProvider provider = NangoProvider.of(integration);
        var config = new LinkedHashMap<String, Object>(who.configDefaults());
        config.putAll(request.params());
        Object subdomain = config.get("subdomain");
        if (subdomain != null && !dev.jirasim.simulator.common.Patterns.matches(subdomain.toString(), "[a-zA-Z0-9.-]+")) {
            throw NangoErrors.of(400, "invalid_connection_config", "subdomain must match ^[a-zA-Z0-9.-]+$");
        }
        provider.requireConfig(config);
        return authorize(ctx, integration, provider, who, config, request.authorizationParams());
    }

    /** A connect session (the frontend SDK's way): a fresh connection id, the session's end user and defaults. */
    private static Connecting bySession(NangoContext ctx, String integrationKey, ConnectQuery request) {
        if (!dev.jirasim.simulator.common.Patterns.matches(request.sessionToken(), "nango_connect_session_[0-9a-f]{64}")) throw NangoErrors.invalidConnectSessionTokenFormat();
        ConnectSession session = ctx.world().nango().connectSession(request.sessionToken()).filter(s -> ctx.now().isBefore(s.expiresAt()))
                .orElseThrow(NangoErrors::unknownConnectSessionToken);
        if (request.connectionId() != null) throw NangoErrors.of(400, "invalid_query_params", "connection_id is not allowed with a connect session");
        if (!session.allowedIntegrations().isEmpty() && !session.allowedIntegrations().contains(integrationKey)) {
            throw NangoErrors.of(400, "integration_not_allowed", "This integration is not allowed by the connect session.");
        }
        return new Connecting(UUID.randomUUID().toString(), session.endUser(), session.configDefaults().getOrDefault(integrationKey, Map.of()),
                session.tags(), session.webhookUrlOverride());
    }

    /** The legacy public key, with a connection id of the caller's choosing. */
    private static Connecting byPublicKey(NangoContext ctx, ConnectQuery request) {
        String publicKey = request.publicKey();
        if (publicKey == null) throw NangoErrors.missingPublicKey();
        if (!NangoSettings.isUuidV4(publicKey)) throw NangoErrors.invalidPublicKey();
        if (!ctx.world().nango().publicKey().map(publicKey::equals).orElse(false)) throw NangoErrors.unknownAccount();
        String connectionId = request.connectionId();
        if (connectionId == null || connectionId.isEmpty()) throw NangoErrors.of(400, "missing_connection", "Missing param 'connection_id'.");
        return new Connecting(connectionId, Map.of(), Map.of(), null, null);
    }

    /** Stores the OAuth session the callback will take, and builds the provider's authorize URL (PKCE S256). */
    private static String authorize(NangoContext ctx, Integration integration, NangoProvider provider, Connecting who,
                                    Map<String, Object> config, Map<String, String> authorizationParams) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String verifier = HexFormat.of().formatHex(random);
        String state = UUID.randomUUID().toString();
        ctx.world().nango().addOAuthSession(new OAuthSession(state, integration.uniqueKey(), who.connectionId(), config, verifier,
                who.endUser(), ctx.now(), who.tags(), who.webhookUrlOverride()));
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", integration.clientId());
        params.put("redirect_uri", ctx.callbackUrl());
        params.put("response_type", "code");
        params.put("scope", String.join(" ", integration.scopes()));
        params.put("state", state);
        params.put("code_challenge", Pkce.s256(verifier));
        params.put("code_challenge_method", "S256");
        provider.addAuthorizeParams(params);
        params.putAll(authorizationParams);
        return Urls.withQuery(provider.authorizeUrl(ctx, config), params);
    }

    // ---- GET /oauth/callback ------------------------------------------------------------------------

    /**
     * Nango's OAuth 2.0 callback: the code exchanged, the connection created or overridden, the provider's
     * post-connection step, then the auth webhook ({@code creation} or {@code override}); a failure sends the failed
     * {@code creation} webhook with Nango's error type for it.
     */
    static Page callback(NangoContext ctx, Map<String, List<String>> query) {
        NangoStore store = ctx.world().nango();
        OAuthSession session = store.takeOAuthSession(NangoService.first(query, "state")).orElse(null);
        if (session == null) return new Page(400, Pages.result(false, "Invalid or expired state: no connection attempt is waiting for it.", null, null));
        String error = NangoService.first(query, "error");
        String code = NangoService.first(query, "code");
        if (error != null || code == null) {
            String description = NangoService.first(query, "error_description");
            failedWebhook(ctx, session, "invalid_callback", invalidCallback(query));
            if (error != null) return failed(session, error + (description == null ? "" : ": " + description));
        }
        Integration integration = store.integration(session.integration()).orElse(null);
        if (code == null || integration == null) return new Page(400, Pages.result(false, "The provider sent no code.", session.integration(), session.connectionId()));
        Upstream.Answer answer;
        try {
            answer = ProviderToken.exchange(ctx, integration, session.connectionConfig(), code, session.codeVerifier());
        } catch (IOException e) {
            failedWebhook(ctx, session, "unknown", "request_token_external_error: " + e.getMessage());
            return failed(session, "request_token_external_error: " + e.getMessage());
        }
        if (answer.status() != 200) {
            String message = "The external API returned an error when trying to request for an access token. Please try again later. " + answer.text();
            failedWebhook(ctx, session, "unknown", message);
            return failed(session, message);
        }
        NangoSettings.Credentials credentials;
        try {
            credentials = CredentialService.parse(answer.text(), null, ctx.now());
        } catch (CredentialService.RefreshFailed e) {
            failedWebhook(ctx, session, "unable_to_parse_token_response", "OAuth2 token request failed, response from the server could not be parsed");
            return failed(session, e.body);
        }
        NangoStore.Upserted upserted = store.upsert(session.integration(), session.connectionId(), credentials, session.connectionConfig(),
                session.endUser(), session.tags(), session.webhookUrlOverride(), ctx.now());
        NangoProvider.of(integration).afterConnect(ctx, session.integration(), session.connectionId(), credentials.accessToken());
        // Nango runs the post-connection script before it sends the webhook.
        Connection connection = store.connection(session.integration(), session.connectionId()).orElse(upserted.connection());
        NangoWebhooks.connected(ctx, connection, upserted.created(), session.endUser());
        return new Page(200, Pages.result(true, null, session.integration(), session.connectionId()));
    }

    /** Nango's {@code InvalidCallbackOAuth2} message, with the provider's error parameters when it sent some. */
    private static String invalidCallback(Map<String, List<String>> query) {
        var parts = new ArrayList<String>();
        for (String key : List.of("error", "error_description", "error_reason", "error_uri", "status_code", "error_message")) {
            String v = NangoService.first(query, key);
            if (v != null && !v.isBlank()) parts.add(key + ": " + v.trim());
        }
        String base = "Did not get authorization code in the callback.";
        return parts.isEmpty() ? base : base + " Provider error: " + String.join("; ", parts);
    }

    private static void failedWebhook(NangoContext ctx, OAuthSession session, String type, String description) {
        NangoWebhooks.creationFailed(ctx, session.connectionId(), session.integration(), session.webhookUrlOverride(),
                new NangoWebhooks.AuthError(type, description));
    }

    /** The popup's failure page: Nango answers 200 and tells the opener. */
    private static Page failed(OAuthSession session, String message) {
        return new Page(200, Pages.result(false, message, session.integration(), session.connectionId()));
    }
}
