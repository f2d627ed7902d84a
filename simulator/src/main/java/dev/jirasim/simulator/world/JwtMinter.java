package dev.jirasim.simulator.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = Secrets.token(32).getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtMinter() {
    }

    static String mint(String jti, String clientId, String accountId, List<String> scopes, Instant iat, Instant exp) {
        var header = new LinkedHashMap<String, Object>();
        header.put("kid", "jirasim");
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        var claims = new LinkedHashMap<String, Object>();
        claims.put("jti", jti);
        claims.put("iss", ISSUER);
        claims.put("sub", accountId);
        claims.put("aud", clientId);
        claims.put("client_id", clientId);
        claims.put("scope", String.join(" ", scopes));
        claims.put("iat", iat.getEpochSecond());
        claims.put("nbf", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("nonce", Secrets.hex(8));
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    private static String encode(Object value) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
