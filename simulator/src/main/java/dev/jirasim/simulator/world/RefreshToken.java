package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A rotating refresh token. Tokens issued from one authorization code form a family; at any moment at most
 * one member of a family is not yet rotated. {@code rotatedAt} starts the leeway during which the token
 * (and its access token) still work. {@code familyStartedAt} is when the family's first token was issued:
 * the 365-day absolute expiry counts from there, so consenting again starts a new year.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefreshToken(
        String id,
        String token,
        String grantId,
        String familyId,
        List<String> scopes,
        Instant familyStartedAt,
        Instant issuedAt,
        Instant rotatedAt,
        Instant revokedAt) {

    public RefreshToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public RefreshToken rotate(Instant at) {
        return rotatedAt != null ? this
                : new RefreshToken(id, token, grantId, familyId, scopes, familyStartedAt, issuedAt, at, revokedAt);
    }

    public RefreshToken revoke(Instant at) {
        return revokedAt != null ? this
                : new RefreshToken(id, token, grantId, familyId, scopes, familyStartedAt, issuedAt, rotatedAt, at);
    }
}
