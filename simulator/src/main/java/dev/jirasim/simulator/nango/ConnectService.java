package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Urls;
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
        if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_body", errors);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "nango_connect_session_" + HexFormat.of().formatHex(random);
        Instant expires = ctx.now().plus(SESSION_LIFETIME);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = endUser == null ? Map.of() : Json.MAPPER.convertValue(endUser, Map.class);
        store.addConnectSession(new ConnectSession(token, user, List.copyOf(allowed), defaults, expires));
        var data = new LinkedHashMap<String, Object>();
        data.put("token", token);
        data.put("connect_link", ctx.publicBase() + "/nango/connect?session_token=" + token);
        data.put("expires_at", NangoService.zulu(expires));
        return Map.of("data", data);
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

    /** Who is connecting: the connection id, the end user, and the config their connect session sets by default. */
    private record Connecting(String connectionId, Map<String, Object> endUser, Map<String, Object> configDefaults) {
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
        if (subdomain != null && !subdomain.toString().matches("[a-zA-Z0-9.-]+")) {
            throw NangoErrors.of(400, "invalid_connection_config", "subdomain must match ^[a-zA-Z0-9.-]+$");
        }
        provider.requireConfig(config);
        return authorize(ctx, integration, provider, who, config, request.authorizationParams());
    }

    /** A connect session (the frontend SDK's way): a fresh connection id, the session's end user and defaults. */
    private static Connecting bySession(NangoContext ctx, String integrationKey, ConnectQuery request) {
        if (!request.sessionToken().matches("nango_connect_session_[0-9a-f]{64}")) throw NangoErrors.invalidConnectSessionTokenFormat();
        ConnectSession session = ctx.world().nango().connectSession(request.sessionToken()).filter(s -> ctx.now().isBefore(s.expiresAt()))
                .orElseThrow(NangoErrors::unknownConnectSessionToken);
        if (request.connectionId() != null) throw NangoErrors.of(400, "invalid_query_params", "connection_id is not allowed with a connect session");
        if (!session.allowedIntegrations().isEmpty() && !session.allowedIntegrations().contains(integrationKey)) {
            throw NangoErrors.of(400, "integration_not_allowed", "This integration is not allowed by the connect session.");
        }
        return new Connecting(UUID.randomUUID().toString(), session.endUser(), session.configDefaults().getOrDefault(integrationKey, Map.of()));
    }

    /** The legacy public key, with a connection id of the caller's choosing. */
    private static Connecting byPublicKey(NangoContext ctx, ConnectQuery request) {
        String publicKey = request.publicKey();
        if (publicKey == null) throw NangoErrors.missingPublicKey();
        if (!publicKey.matches(NangoSettings.UUID_V4)) throw NangoErrors.invalidPublicKey();
        if (!ctx.world().nango().publicKey().map(publicKey::equals).orElse(false)) throw NangoErrors.unknownAccount();
        String connectionId = request.connectionId();
        if (connectionId == null || connectionId.isEmpty()) throw NangoErrors.of(400, "missing_connection", "Missing param 'connection_id'.");
        return new Connecting(connectionId, Map.of(), Map.of());
    }

    /** Stores the OAuth session the callback will take, and builds the provider's authorize URL (PKCE S256). */
    private static String authorize(NangoContext ctx, Integration integration, NangoProvider provider, Connecting who,
                                    Map<String, Object> config, Map<String, String> authorizationParams) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String verifier = HexFormat.of().formatHex(random);
        String state = UUID.randomUUID().toString();
        ctx.world().nango().addOAuthSession(new OAuthSession(state, integration.uniqueKey(), who.connectionId(), config, verifier,
                who.endUser(), ctx.now()));
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

    static Page callback(NangoContext ctx, Map<String, List<String>> query) {
        NangoStore store = ctx.world().nango();
        OAuthSession session = store.takeOAuthSession(NangoService.first(query, "state")).orElse(null);
        if (session == null) return new Page(400, Pages.result(false, "Invalid or expired state: no connection attempt is waiting for it.", null, null));
        String error = NangoService.first(query, "error");
        if (error != null) {
            String description = NangoService.first(query, "error_description");
            return failed(session, error + (description == null ? "" : ": " + description));
        }
        String code = NangoService.first(query, "code");
        Integration integration = store.integration(session.integration()).orElse(null);
        if (code == null || integration == null) return new Page(400, Pages.result(false, "The provider sent no code.", session.integration(), session.connectionId()));
        Upstream.Answer answer;
        try {
            answer = ProviderToken.exchange(ctx, integration, session.connectionConfig(), code, session.codeVerifier());
        } catch (IOException e) {
            return failed(session, "request_token_external_error: " + e.getMessage());
        }
        if (answer.status() != 200) {
            return failed(session, "The external API returned an error when trying to request for an access token. Please try again later. " + answer.text());
        }
        NangoSettings.Credentials credentials;
        try {
            credentials = CredentialService.parse(answer.text(), null, ctx.now());
        } catch (CredentialService.RefreshFailed e) {
            return failed(session, e.body);
        }
        store.upsert(session.integration(), session.connectionId(), credentials, session.connectionConfig(), session.endUser(), ctx.now());
        NangoProvider.of(integration).afterConnect(ctx, session.integration(), session.connectionId(), credentials.accessToken());
        return new Page(200, Pages.result(true, null, session.integration(), session.connectionId()));
    }

    /** The popup's failure page: Nango answers 200 and tells the opener. */
    private static Page failed(OAuthSession session, String message) {
        return new Page(200, Pages.result(false, message, session.integration(), session.connectionId()));
    }
}
