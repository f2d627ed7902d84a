package dev.jirasim.simulator.world;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens are opaque by contract, but real ones are JWTs and some clients read {@code exp} or
 * {@code sub} from them. We mint JWT-shaped tokens with the claims seen in real ones, signed with a
 * per-process key (nobody outside can verify them, as with the real ones without Atlassian's keys).
 */
final class JwtMinter {
    static final String ISSUER = "https://auth.atlassian.com";
    private static final byte[] KEY = Secrets.token(32).getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** The header never changes: encoded once. */
    private static final String HEADER = B64.encodeToString("{\"kid\":\"jirasim\",\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
    /** A Mac per thread: looking one up in the security providers cost more than signing. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    });

    private JwtMinter() {
    }

    static String mint(String jti, String clientId, String accountId, List<String> scopes, Instant iat, Instant exp) {
        // The claims in the order real tokens carry them, written directly: this runs for every token issued.
        var claims = new StringBuilder(256).append('{');
        member(claims, "jti", jti).append(',');
        member(claims, "iss", ISSUER).append(',');
        member(claims, "sub", accountId).append(',');
        member(claims, "aud", clientId).append(',');
        member(claims, "client_id", clientId).append(',');
        member(claims, "scope", String.join(" ", scopes)).append(',');
        claims.append("\"iat\":").append(iat.getEpochSecond()).append(',');
        claims.append("\"nbf\":").append(iat.getEpochSecond()).append(',');
        claims.append("\"exp\":").append(exp.getEpochSecond()).append(',');
        member(claims, "nonce", Secrets.hex(8)).append('}');
        String signingInput = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(MAC.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static StringBuilder member(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) return json.append("null");
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }
}
