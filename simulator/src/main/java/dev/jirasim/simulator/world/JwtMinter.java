package dev.jirasim.simulator.world;

import dev.jirasim.simulator.common.JsonMembers;
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
 * Minting is a function of the claims: the same token's JWT can be minted again, so the token store keeps
 * only a token's {@link Signature} and its claims, not the JWT (most of a token's memory).
 */
final class JwtMinter {
    static final String ISSUER = "https://auth.atlassian.com";
    private static final byte[] KEY = Secrets.token(32).getBytes(StandardCharsets.US_ASCII);
    /** Makes each process's nonces its own (see {@link #nonce}). */
    private static final long NONCE_SEED = new java.security.SecureRandom().nextLong();
    private static final int SIGNATURE_CHARS = 43; // 32 bytes of HMAC-SHA256, base64url without padding
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

    /** The 32 bytes of a JWT's HMAC-SHA256 signature, as a map key. */
    record Signature(long a, long b, long c, long d) {
        static Signature of(byte[] mac) {
            var buffer = java.nio.ByteBuffer.wrap(mac);
            return new Signature(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
        }

        /** The bytes of an HMAC are uniformly random already: the first eight make a good hash. */
        @Override
        public int hashCode() {
            return Long.hashCode(a);
        }
    }

    /** A JWT just minted and its signature. */
    record Minted(String token, Signature signature) {
    }

    /**
     * The signature of {@code token} when it is a JWT this process signed (its signature checks out), else null.
     * A token with a valid signature has exactly the header and claims that were signed, so finding its signature
     * among the tokens issued identifies it.
     */
    static Signature verify(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 0 || token.length() - dot - 1 != SIGNATURE_CHARS) return null;
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        // The signed part of a real token is ASCII; any other character becomes '?' here and so cannot match.
        byte[] expected = MAC.get().doFinal(token.substring(0, dot).getBytes(StandardCharsets.ISO_8859_1));
        return java.security.MessageDigest.isEqual(presented, expected) ? Signature.of(expected) : null;
    }

    static String mint(String jti, String clientId, String accountId, List<String> scopes, Instant iat, Instant exp) {
        return mintSigned(jti, clientId, accountId, scopes, iat, exp).token();
    }

    static Minted mintSigned(String jti, String clientId, String accountId, List<String> scopes, Instant iat, Instant exp) {
        // The claims in the order real tokens carry them, written directly: this runs for every token issued.
        var claims = new StringBuilder(256).append('{');
        JsonMembers.string(claims, "jti", jti).append(',');
        JsonMembers.string(claims, "iss", ISSUER).append(',');
        JsonMembers.string(claims, "sub", accountId).append(',');
        JsonMembers.string(claims, "aud", clientId).append(',');
        JsonMembers.string(claims, "client_id", clientId).append(',');
        JsonMembers.string(claims, "scope", String.join(" ", scopes)).append(',');
        claims.append("\"iat\":").append(iat.getEpochSecond()).append(',');
        claims.append("\"nbf\":").append(iat.getEpochSecond()).append(',');
        claims.append("\"exp\":").append(exp.getEpochSecond()).append(',');
        JsonMembers.string(claims, "nonce", nonce(jti)).append('}');
        String signingInput = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        byte[] mac = MAC.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Minted(signingInput + "." + B64.encodeToString(mac), Signature.of(mac));
    }

    /**
     * 16 hex digits that differ from token to token and from process to process, as a random nonce would, but
     * follow from the token's id, so that minting the same token again gives the same JWT.
     */
    static String nonce(String jti) {
        long h = NONCE_SEED;
        for (int i = 0; i < jti.length(); i++) h = (h ^ jti.charAt(i)) * 0x100000001b3L;
        // SplitMix64's finalizer: every input bit moves every output bit.
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return java.util.HexFormat.of().toHexDigits(h ^ (h >>> 31));
    }
}
