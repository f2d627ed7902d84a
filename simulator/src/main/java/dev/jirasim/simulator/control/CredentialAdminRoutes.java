package dev.jirasim.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.world.WorldException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Credentials people type rather than obtain through a flow: Cloud users' API tokens and Data Center users'
 * Basic passwords. Answers never echo a secret the caller sent; the request log masks the token in a path.
 */
final class CredentialAdminRoutes {
    private final Supplier<SimulatorControl> control;

    CredentialAdminRoutes(Supplier<SimulatorControl> control) {
        this.control = control;
    }

    /** {@code expiresInDays} as a JSON value: a fraction or a string must be refused, not rounded or coerced. */
    record ApiTokenRequest(String label, JsonNode expiresInDays) {
    }

    record PasswordRequest(String password) {
    }

    void addTo(RoutesConfig routes) {
        routes.post("/__admin/users/{user}/api-tokens", this::createApiToken);
        routes.delete("/__admin/users/{user}/api-tokens/{token}", this::revokeApiToken);
        routes.put("/__admin/dc/{instance}/users/{username}/password", this::setDcPassword);
    }

    private void createApiToken(Context ctx) {
        // No body at all takes every default; an empty string is still a body that is not JSON.
        var body = AdminRoutes.body(ctx).isEmpty() ? new ApiTokenRequest(null, null) : AdminRoutes.read(ctx, ApiTokenRequest.class);
        Duration lifetime = lifetime(body.expiresInDays());
        try {
            ctx.status(201).json(control.get().createApiToken(ctx.pathParam("user"), body.label(), lifetime));
        } catch (WorldException e) {
            throw AdminErrors.notFound(e.getMessage());
        }
    }

    private static Duration lifetime(JsonNode days) {
        if (days == null || days.isNull()) return null;
        if (!days.canConvertToExactIntegral() || !days.canConvertToInt() || days.intValue() < 1 || days.intValue() > 365) {
            throw AdminErrors.badRequest("'expiresInDays' must be a whole number of days from 1 to 365, not " + days + ".");
        }
        return Duration.ofDays(days.intValue());
    }

    private void revokeApiToken(Context ctx) {
        String user = ctx.pathParam("user");
        String token = ctx.pathParam("token");
        if (!control.get().revokeApiToken(user, token)) {
            throw AdminErrors.notFound("No API token " + Redact.secret(token) + " of user " + user + ".");
        }
        ctx.status(204);
    }

    private void setDcPassword(Context ctx) {
        var body = AdminRoutes.read(ctx, PasswordRequest.class);
        // Required even to remove the password: a body that forgot it must not silently lock the user out.
        if (!readTree(ctx).has("password")) throw AdminErrors.badRequest("Give 'password': a string, or null to remove the password.");
        try {
            control.get().dcPassword(ctx.pathParam("instance"), ctx.pathParam("username"), body.password());
        } catch (WorldException e) {
            throw AdminErrors.notFound(e.getMessage());
        }
        ctx.status(204);
    }

    /** The body once more as a tree (it was read as a record already, so it is valid JSON). */
    private static JsonNode readTree(Context ctx) {
        try {
            return Json.MAPPER.readTree(AdminRoutes.body(ctx));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AdminErrors.badRequest(e.getOriginalMessage());
        }
    }
}
