package dev.jirasim.simulator.atlassian.auth;

import java.util.Map;

/** The members of a {@code POST /oauth/token} body, read from JSON or form alike. */
public record TokenRequest(
        String grantType,
        String clientId,
        String clientSecret,
        String code,
        String redirectUri,
        String refreshToken,
        String codeVerifier) {

    public static TokenRequest from(Map<String, String> body) {
        return new TokenRequest(body.get("grant_type"), body.get("client_id"), body.get("client_secret"),
                body.get("code"), body.get("redirect_uri"), body.get("refresh_token"), body.get("code_verifier"));
    }
}
