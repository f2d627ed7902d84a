package dev.jirasim.simulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Limits;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.AccessToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.RefreshToken;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The control plane under {@code /__admin}: {@link SimulatorControl} over HTTP, JSON in and out.
 * <pre>
 *   POST   /__admin/reset                 back to the seed world
 *   GET    /__admin/world                 export (JSON; ?format=yaml for YAML)
 *   PUT    /__admin/world                 replace (JSON or YAML body)
 *   GET    /__admin/clock                 {"now", "frozen"}
 *   PUT    /__admin/clock                 {"now"?, "frozen"?}
 *   POST   /__admin/clock/advance         {"seconds": N}
 *   GET|PUT /__admin/consent              {"mode": "auto", "user", "sites", "decision"} or {"mode": "interactive"}
 *   PUT    /__admin/dc/{id}/consent       {"mode": "auto", "user": "jdoe", "decision"} or {"mode": "interactive"}
 *   GET    /__admin/tokens                grants and tokens, token values masked
 *   POST   /__admin/tokens                {"user", "sites"?, "scopes"?, "clientId"?}: tokens without the browser
 *   POST   /__admin/tokens/revoke         {"grantId"} | {"token"} (value or id) | {"user"}
 *   POST   /__admin/users/{user}/api-tokens            {"label"?, "expiresInDays"?}: 201, a new API token, value included
 *   DELETE /__admin/users/{user}/api-tokens/{token}    revoke an API token (it stays listed); 404 if unknown
 *   PUT    /__admin/dc/{id}/users/{username}/password  {"password": "…" | null}: set or remove a DC Basic password
 *   POST   /__admin/faults                one rule or a list; answers them with ids
 *   GET    /__admin/faults                installed faults, uses left and hits
 *   GET|DELETE /__admin/faults/{id}       one fault
 *   DELETE /__admin/faults                all faults
 *   GET|DELETE /__admin/journal           requests seen, secrets masked
 *   GET|DELETE /__admin/webhooks/deliveries  webhook delivery attempts; POST /__admin/webhooks/await-idle
 *   GET|PUT /__admin/nango/webhooks       the Nango environment's webhook URLs and toggles
 *   GET    /__admin/nango/webhook-signing-key  {"webhookSigningKey"}
 * </pre>
 */
public final class AdminRoutes {
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;

    public AdminRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
    }

    record ClockRequest(Instant now, Boolean frozen) {
    }

    record AdvanceRequest(Long seconds) {
    }

    record RevokeRequest(String grantId, String token, String user) {
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/__admin/reset", this::reset);
        routes.get("/__admin/world", this::exportWorld);
        routes.put("/__admin/world", this::replaceWorld);
        routes.get("/__admin/clock", ctx -> ctx.json(clock()));
        routes.put("/__admin/clock", this::setClock);
        routes.post("/__admin/clock/advance", this::advanceClock);
        routes.get("/__admin/consent", ctx -> ctx.json(control().consent()));
        routes.put("/__admin/consent", this::setConsent);
        routes.put("/__admin/dc/{instance}/consent", this::setDcConsent);
        routes.get("/__admin/tokens", ctx -> ctx.json(masked(control().tokens())));
        routes.post("/__admin/tokens/revoke", this::revoke);
        routes.post("/__admin/tokens", this::issueTokens);
        new CredentialAdminRoutes(this::control).addTo(routes);
        new FaultAdminRoutes(this::control).addTo(routes);
        routes.get("/__admin/journal", ctx -> ctx.json(Map.of("requests", control().journal())));
        routes.delete("/__admin/journal", this::clearJournal);
        new WebhookAdminRoutes(this::control).addTo(routes);
        new NangoAdminRoutes(this::control).addTo(routes);
    }

    private void reset(Context ctx) {
        control().reset();
        ctx.status(204);
    }

    private void setClock(Context ctx) {
        var body = read(ctx, ClockRequest.class);
        try {
            control().setClock(body.now(), body.frozen());
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("Cannot set the clock: " + e.getMessage() + ".");
        }
        ctx.json(clock());
    }

    private void advanceClock(Context ctx) {
        var body = read(ctx, AdvanceRequest.class);
        if (body.seconds() == null || body.seconds() < 0) throw AdminErrors.badRequest("'seconds' must be a number of seconds, zero or more.");
        try {
            control().advanceClock(Duration.ofSeconds(body.seconds()));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("Cannot advance the clock: " + e.getMessage() + ".");
        }
        ctx.json(clock());
    }

    private void setConsent(Context ctx) {
        Consent consent = read(ctx, Consent.class);
        try {
            control().consent(consent);
        } catch (WorldException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        ctx.json(control().consent());
    }

    private void setDcConsent(Context ctx) {
        var consent = read(ctx, DcInstance.DcConsent.class);
        try {
            control().dcConsent(ctx.pathParam("instance"), consent);
        } catch (WorldException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        ctx.json(consent);
    }

    private void issueTokens(Context ctx) {
        var spec = read(ctx, TokenRequestSpec.class);
        try {
            ctx.json(control().issueTokens(spec));
        } catch (WorldException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
    }

    private void clearJournal(Context ctx) {
        control().clearJournal();
        ctx.status(204);
    }

    private SimulatorControl control() {
        return new TenantControl(tenant.get(), publicUrl.get());
    }

    private Map<String, Object> clock() {
        var body = new LinkedHashMap<String, Object>();
        body.put("now", control().now().toString());
        body.put("frozen", control().clockFrozen());
        return body;
    }

    private void exportWorld(Context ctx) {
        WorldFile world = control().exportWorld();
        String accept = ctx.header("Accept");
        if ("yaml".equals(ctx.queryParam("format")) || (accept != null && accept.contains("yaml"))) {
            ctx.contentType("application/yaml").result(WorldFiles.toYaml(world));
        } else {
            ctx.contentType("application/json").result(WorldFiles.toJson(world));
        }
    }

    private void replaceWorld(Context ctx) {
        String body = body(ctx);
        if (body.isBlank()) throw AdminErrors.badRequest("Send a world file (JSON or YAML) as the body.");
        try {
            control().replaceWorld(body);
        } catch (WorldException e) {
            throw AdminErrors.badRequest("Invalid world: " + e.getMessage());
        }
        var world = control().exportWorld();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("sites", world.sites().size());
        summary.put("users", world.users().size());
        summary.put("apps", world.apps().size());
        ctx.json(summary);
    }

    private void revoke(Context ctx) {
        var body = read(ctx, RevokeRequest.class);
        int given = (body.grantId() == null ? 0 : 1) + (body.token() == null ? 0 : 1) + (body.user() == null ? 0 : 1);
        if (given != 1) throw AdminErrors.badRequest("Give exactly one of 'grantId', 'token' or 'user'.");
        int revoked;
        if (body.grantId() != null) revoked = control().revokeGrant(body.grantId()) ? 1 : 0;
        else if (body.token() != null) revoked = control().revokeToken(body.token()) ? 1 : 0;
        else {
            try {
                revoked = control().revokeUser(body.user());
            } catch (WorldException e) {
                throw AdminErrors.notFound(e.getMessage());
            }
        }
        if (revoked == 0 && body.user() == null) throw AdminErrors.notFound("No such grant or token.");
        ctx.json(Map.of("revoked", revoked));
    }

    /** Token values never leave the control API in full; ids identify them for revocation. */
    private static TokenState masked(TokenState state) {
        return new TokenState(state.grants(), state.codes().stream()
                .map(c -> new dev.jirasim.simulator.world.AuthorizationCode(Redact.secret(c.code()), c.grantId(), c.clientId(),
                        c.redirectUri(), c.scopes(), c.codeChallenge(), c.codeChallengeMethod(), c.issuedAt(), c.expiresAt(), c.usedAt()))
                .toList(),
                state.accessTokens().stream().map(t -> new AccessToken(t.id(), Redact.secret(t.token()), t.grantId(),
                        t.refreshTokenId(), t.scopes(), t.issuedAt(), t.expiresAt(), t.revokedAt())).toList(),
                state.refreshTokens().stream().map(t -> new RefreshToken(t.id(), Redact.secret(t.token()), t.grantId(),
                        t.familyId(), t.scopes(), t.familyStartedAt(), t.issuedAt(), t.rotatedAt(), t.revokedAt())).toList());
    }

    static String body(Context ctx) {
        try {
            return ctx.body();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) throw new dev.jirasim.simulator.common.Problem(413, "request_too_large",
                    "Request body is larger than " + Limits.MAX_REQUEST_BYTES + " bytes.");
            throw e;
        }
    }

    static <T> T read(Context ctx, Class<T> type) {
        String body = body(ctx);
        if (body.isBlank()) throw AdminErrors.badRequest("Send a JSON object as the body.");
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) throw AdminErrors.badRequest("Send a JSON object as the body.");
            return value;
        } catch (JsonProcessingException e) {
            throw AdminErrors.badRequest(dev.jirasim.simulator.common.JsonErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
    }

}
