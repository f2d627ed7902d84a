package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An access token. {@code refreshTokenId} names its companion refresh token (none without offline_access):
 * the access token dies with it, even before {@code expiresAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessToken(
        String id,
        String token,
        String grantId,
        String refreshTokenId,
        List<String> scopes,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public AccessToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public AccessToken revoke(Instant at) {
        return revokedAt != null ? this
                : new AccessToken(id, token, grantId, refreshTokenId, scopes, issuedAt, expiresAt, at);
    }
}
