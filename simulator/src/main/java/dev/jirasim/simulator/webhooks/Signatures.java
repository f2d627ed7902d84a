package dev.jirasim.simulator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.simulator.common.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How webhook senders sign what they send: an HS256 JWT (Jira), HMAC-SHA256 and SHA-256 in hex (Nango). */
public final class Signatures {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Signatures() {
    }

    /** A compact JWT with header {@code {"alg":"HS256","typ":"JWT"}} and these claims, signed with {@code key} (UTF-8). */
    public static String hs256Jwt(Map<String, Object> claims, String key) {
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        String input = encode(header) + "." + encode(claims);
        return input + "." + B64.encodeToString(hmac(key, input));
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) keyed with {@code key} (UTF-8), lower-case hex. */
    public static String hmacSha256Hex(String key, String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    /** SHA-256 of {@code text} (UTF-8), lower-case hex. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String encode(Object value) {
        try {
            return B64.encodeToString(Json.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims cannot be written as JSON", e);
        }
    }

    private static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] raw = key.getBytes(StandardCharsets.UTF_8);
            // HMAC pads its key with zeros, so an empty key is one zero byte (which the JDK, unlike an empty one, accepts).
            mac.init(new SecretKeySpec(raw.length == 0 ? new byte[1] : raw, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
