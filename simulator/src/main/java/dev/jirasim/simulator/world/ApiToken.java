package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jirasim.simulator.common.Redact;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A classic (unscoped) Atlassian API token of one user, sent as HTTP Basic {@code email:token} to the site host.
 * Atlassian tokens expire 1–365 days after creation; {@code expiresAt} left out means the token never expires
 * (our choice, so a default world does not rot). {@code revokedAt} set means revoked from that instant on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(String token, String label, Instant created, Instant expiresAt, Instant revokedAt) {
    public static final Duration MIN_LIFETIME = Duration.ofDays(1);
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);
    /** What a token made without a chosen lifetime lives: the longest Atlassian allows (its default is not in our reference). */
    public static final Duration DEFAULT_LIFETIME = MAX_LIFETIME;
    /** The prefix of every classic token Atlassian issues today. */
    public static final String PREFIX = "ATATT3xFfGF0";

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

    /**
     * A fresh token, as Atlassian shows it once on creation: created {@code now}, expiring {@code lifetime} later.
     * A lifetime outside 1 to 365 days throws {@link IllegalArgumentException}.
     */
    public static ApiToken issue(String label, Instant now, Duration lifetime) {
        Objects.requireNonNull(now, "now");
        Duration life = lifetime == null ? DEFAULT_LIFETIME : lifetime;
        if (life.compareTo(MIN_LIFETIME) < 0 || life.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("an API token lives 1 to 365 days, not " + describe(life));
        }
        return new ApiToken(newValue(), label, now, now.plus(life), null);
    }

    /**
     * A new random token value. Our reference does not describe the shape; public secret scanners match classic
     * tokens as {@code ATATT3xFfGF0}, a base64url body, {@code =} and 8 upper-case hex digits, 192 characters in all.
     * Our choice within that shape: 128 random bytes (171 characters) and, as the 8 digits, the CRC32 of what
     * precedes them. Nothing checks the digits; they only make the value look and measure like a real one.
     */
    static String newValue() {
        String body = PREFIX + Secrets.token(128);
        var crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body + "=" + HexFormat.of().withUpperCase().toHexDigits((int) crc.getValue());
    }

    private static String describe(Duration life) {
        return life.toSeconds() % 86_400 == 0 && life.getNano() == 0 ? life.toDays() + " days" : life.toString();
    }

    /** This token revoked at {@code now}; one revoked earlier keeps its first revocation. */
    public ApiToken revoke(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) return this;
        return new ApiToken(token, label, created, expiresAt, now);
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
