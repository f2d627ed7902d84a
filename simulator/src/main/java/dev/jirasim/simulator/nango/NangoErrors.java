package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nango's own errors, {@code {"error":{"code":"…","message":"…"}}} (message left out when empty), with the
 * codes, statuses and texts of Nango's error catalogue (reference nango.md §3.1). The one place they are shaped.
 */
public final class NangoErrors {
    public static final ErrorShape SHAPE = (status, code, message) -> body(code, message, null);

    private NangoErrors() {
    }

    static Map<String, Object> body(String code, String message, Map<String, Object> extra) {
        var error = new LinkedHashMap<String, Object>();
        if (message != null && !message.isEmpty()) error.put("message", message);
        error.put("code", code);
        if (extra != null) error.putAll(extra);
        return Map.of("error", error);
    }

    static Problem of(int status, String code, String message) {
        return Problem.withBody(status, message == null ? code : message, body(code, message, null));
    }

    static Problem missingAuthHeader() {
        return of(401, "missing_auth_header", "Authentication failed. The request is missing the Authorization header.");
    }

    static Problem malformedAuthHeader() {
        return of(401, "malformed_auth_header", "Authentication failed. The Authorization header is malformed.");
    }

    static Problem invalidSecretKeyFormat() {
        return of(401, "invalid_secret_key_format", "Authentication failed. The provided secret key is not a UUID v4.");
    }

    static Problem unknownAccount() {
        return of(401, "unknown_account", "Authentication failed. The provided authorization header does not match any account.");
    }

    static Problem invalidConnectSessionTokenFormat() {
        return of(401, "invalid_connect_session_token_format",
                "Authentication failed. The provided connect session token is not following correct format: nango_connect_session_RANDOM)");
    }

    static Problem unknownConnectSessionToken() {
        return of(401, "unknown_connect_session_token", "Authentication failed. The provided connect session token does not match any account.");
    }

    static Problem invalidPublicKey() {
        return of(401, "invalid_public_key", "Authentication failed. The provided public key is not a UUID v4.");
    }

    static Problem missingPublicKey() {
        return of(401, "missing_public_key", "Authentication failed. The request is missing a valid public key parameter.");
    }

    static Problem refreshExternal() {
        return of(400, CredentialService.REFRESH_ERROR, CredentialService.REFRESH_ERROR_MESSAGE);
    }

    /** GET connection's answer when the refresh behind it failed: that error's status and message, the connection in the payload. */
    static Problem invalidCredentials(Problem cause, Map<String, Object> connection) {
        return Problem.withBody(cause.status(), cause.getMessage(),
                body("invalid_credentials", cause.getMessage(), Map.of("payload", Map.of("connection", connection))));
    }

    static Problem refreshBackoff() {
        return of(424, "connection_refresh_backoff", "A recent refresh attempt failed. Backing off before retrying.");
    }

    /** Validation failures: {@code {"error":{"code":"invalid_query_params","errors":[{code, message, path}]}}}. */
    static Problem invalid(String code, List<Map<String, Object>> errors) {
        return Problem.withBody(400, code, body(code, null, Map.of("errors", errors)));
    }

    static Map<String, Object> issue(String code, String message, List<Object> path) {
        var m = new LinkedHashMap<String, Object>();
        m.put("code", code);
        m.put("message", message);
        m.put("path", path);
        return m;
    }
}
