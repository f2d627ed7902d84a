package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;

/**
 * auth.atlassian.com's errors, as {@code {"error": …, "error_description": …}}. Texts marked documented come
 * from Atlassian (reference §2.3); the rest follow the Auth0 conventions Atlassian's identity service shows
 * elsewhere (UNCONFIRMED, see docs/atlassian-auth.md), and live only here.
 */
public final class AuthErrors {
    /** The OAuth error body; bare statuses map to OAuth codes (an oversized body is an invalid request). */
    public static final ErrorShape SHAPE = (status, code, message) -> {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", status == 413 || status == 415 || status == 405 ? "invalid_request" : code);
        body.put("error_description", message);
        return body;
    };

    private AuthErrors() {
    }

    /** Documented: an unknown, expired, rotated-out or revoked refresh token. */
    public static Problem invalidRefreshToken() {
        return new Problem(403, "invalid_grant", "Unknown or invalid refresh token.");
    }

    /** Reported by developers for an expired, reused or unknown code. */
    public static Problem invalidCode() {
        return new Problem(400, "invalid_request", "authorization_code is invalid");
    }

    public static Problem redirectMismatch() {
        return new Problem(403, "invalid_grant", "redirect_uri does not match the one used in the authorization request.");
    }

    public static Problem pkceMismatch() {
        return new Problem(403, "invalid_grant", "Invalid code_verifier.");
    }

    /** Wrong secret or unknown client: reported as {@code access_denied}. */
    public static Problem unauthorizedClient() {
        return new Problem(401, "access_denied", "Unauthorized");
    }

    public static Problem missing(String parameter) {
        return new Problem(400, "invalid_request", "Missing required parameter: " + parameter);
    }

    public static Problem unsupportedGrantType(String grantType) {
        return new Problem(400, "unsupported_grant_type", "Grant type '" + grantType + "' not allowed for the client.");
    }

    public static Problem invalidRequest(String message) {
        return new Problem(400, "invalid_request", message);
    }

    public static Problem unsupportedMediaType(String contentType) {
        return new Problem(415, "invalid_request", "Content-Type '" + contentType
                + "' is not supported: send application/json or application/x-www-form-urlencoded.");
    }

    public static Problem tooLarge(long limit) {
        return new Problem(413, "invalid_request", "Request body is larger than " + limit + " bytes.");
    }
}
