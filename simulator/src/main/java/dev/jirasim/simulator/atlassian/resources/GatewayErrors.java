package dev.jirasim.simulator.atlassian.resources;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;

/**
 * api.atlassian.com's own errors (auth and scope, before Jira sees the request):
 * {@code {"code": 401, "message": "…"}} (reference §5.3).
 */
public final class GatewayErrors {
    public static final ErrorShape SHAPE = (status, code, message) -> {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", status);
        body.put("message", message);
        return body;
    };

    private GatewayErrors() {
    }

    /** Missing, malformed, unknown, expired or revoked bearer token (exact body UNCONFIRMED; see docs). */
    public static Problem unauthorized() {
        return Problem.shaped(SHAPE, 401, "unauthorized", "Unauthorized");
    }

    /** Documented by many observations: a missing scope is a 401, not a 403. */
    public static Problem scopeMismatch() {
        return Problem.shaped(SHAPE, 401, "unauthorized", "Unauthorized; scope does not match");
    }
}
