package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A single-use authorization code and what it was issued for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationCode(
        String code,
        String grantId,
        String clientId,
        String redirectUri,
        List<String> scopes,
        String codeChallenge,
        String codeChallengeMethod,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt) {

    public AuthorizationCode {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public AuthorizationCode markUsed(Instant at) {
        return new AuthorizationCode(code, grantId, clientId, redirectUri, scopes, codeChallenge,
                codeChallengeMethod, issuedAt, expiresAt, at);
    }
}
