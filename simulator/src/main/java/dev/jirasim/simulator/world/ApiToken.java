package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jirasim.simulator.common.Redact;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A classic (unscoped) Atlassian API token of one user, sent as HTTP Basic {@code email:token} to the site host.
 * Atlassian tokens expire 1–365 days after creation; {@code expiresAt} left out means the token never expires
 * (our choice, so a default world does not rot). {@code revokedAt} set means revoked from that instant on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(String token, String label, Instant created, Instant expiresAt, Instant revokedAt) {
    public static final Duration MIN_LIFETIME = Duration.ofDays(1);
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    public ApiToken {
        Objects.requireNonNull(token, "missing required field 'token'");
        if (token.isBlank()) throw new IllegalArgumentException("an API token must not be blank");
        if (created != null && expiresAt != null) {
            Duration life = Duration.between(created, expiresAt);
            if (life.compareTo(MIN_LIFETIME) < 0 || life.compareTo(MAX_LIFETIME) > 0) {
                throw new IllegalArgumentException("an API token expires 1 to 365 days after it is created");
            }
        }
    }

    /** Whether the token authenticates at {@code now}: not expired, not revoked. */
    public boolean validAt(Instant now) {
        return (expiresAt == null || now.isBefore(expiresAt)) && (revokedAt == null || now.isBefore(revokedAt));
    }

    /** Never the whole secret: records print every member, and users are logged. */
    @Override
    public String toString() {
        return "ApiToken[" + Redact.secret(token) + ", label=" + label + ", created=" + created + ", expiresAt=" + expiresAt
                + ", revokedAt=" + revokedAt + "]";
    }
}
