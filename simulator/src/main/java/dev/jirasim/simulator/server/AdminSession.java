package dev.jirasim.simulator.server;

import dev.jirasim.simulator.control.BrowserSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of the control API. A browser cannot send {@code Authorization: Bearer}, so after the admin token
 * is typed into the dashboard's sign-in form it carries a session cookie instead: an HMAC of a secret this server drew
 * at start, never the token itself ({@code HttpOnly}, {@code SameSite=Strict}). Every form the dashboard posts carries
 * a CSRF token derived the same way, which a page of another origin cannot read.
 */
public final class AdminSession implements BrowserSession {
    /** Drawn when first needed: the first secure random of a JVM is slow, and the server is built on a cold start's way. */
    private final dev.jirasim.simulator.common.Lazy<byte[]> secret = dev.jirasim.simulator.common.Lazy.of(() -> {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    });
    private final String adminToken;

    AdminSession(String adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public boolean protectedByToken() {
        return adminToken != null;
    }

    @Override
    public String signIn(String token) {
        if (adminToken == null || token == null) return null;
        return same(adminToken, token) ? mac("session") : null;
    }

    @Override
    public boolean signedIn(String cookie) {
        return adminToken != null && cookie != null && same(mac("session"), cookie);
    }

    @Override
    public String csrfToken() {
        return mac("csrf");
    }

    /** A page elsewhere cannot press the dashboard's buttons: it can neither read the CSRF token nor pass as this origin. */
    @Override
    public boolean formFromThisDashboard(String site, String origin, String host, String csrfField) {
        if (site != null && !(site.equals("same-origin") || site.equals("none"))) return false;
        if (origin != null && !origin.equals("null")) {
            if (host == null || !origin.replaceFirst("^https?://", "").equals(host)) return false;
        }
        return csrfField != null && same(csrfToken(), csrfField);
    }

    private String mac(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
