package dev.jirasim.simulator.support;

import static io.restassured.RestAssured.given;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.world.Consent;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Test helpers for the simulated Nango: its API with the default secret key, connect flows, webhook signatures. */
public final class NangoFlows {
    /** The default world's Nango secret key, webhook signing key and environment UUID. */
    public static final String SECRET_KEY = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";
    public static final String SIGNING_KEY = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    public static final String ENVIRONMENT_UUID = "5b0f3c1e-8d2a-4f6b-9c7e-1a2b3c4d5e6f";
    public static final String PUBLIC_KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private NangoFlows() {
    }

    /** Nango's API with the secret key, redirects not followed. */
    public static RequestSpecification api(JirasimServer sim) {
        return given().baseUri(sim.baseUrl() + "/nango").redirects().follow(false).header("Authorization", "Bearer " + SECRET_KEY);
    }

    /** Consent given at once by alice, for acme and globex. */
    public static void aliceConsents(JirasimServer sim, Consent.Decision decision) {
        sim.control().consent(new Consent(Consent.Mode.AUTO, OAuth.ALICE, List.of("acme", "globex"), decision));
    }

    /** A connect session with this body; its token. */
    public static String session(JirasimServer sim, Map<String, Object> body) {
        return api(sim).contentType("application/json").body(body).post("/connect/sessions").then().statusCode(201).extract().path("data.token");
    }

    /** {@code /oauth/connect/jira} with a session token, through consent, to the callback page (its response). */
    public static Response connectWithSession(JirasimServer sim, String sessionToken) {
        return through(sim, given().redirects().follow(false).queryParam("connect_session_token", sessionToken));
    }

    /** The legacy way: the public key and a connection id of the caller's choosing. */
    public static Response connectWithPublicKey(JirasimServer sim, String connectionId) {
        return through(sim, given().redirects().follow(false).queryParam("public_key", PUBLIC_KEY).queryParam("connection_id", connectionId));
    }

    private static Response through(JirasimServer sim, RequestSpecification connect) {
        String authorize = connect.get(sim.baseUrl() + "/nango/oauth/connect/jira").then().statusCode(302).extract().header("Location");
        // The URLs arrive encoded already: REST Assured must send them as they are.
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302).extract().header("Location");
        return given().urlEncodingEnabled(false).redirects().follow(false).get(callback);
    }

    /** The connection id the callback page reports. */
    public static String connectionId(Response page) {
        return page.htmlPath().getString("**.find { it.@id == 'nango-result' }.@data-connection-id");
    }

    /** Waits (bounded) until no delivery is in flight. */
    public static void settle(JirasimServer sim) {
        if (!sim.control().awaitWebhooksIdle(Duration.ofSeconds(10))) throw new AssertionError("webhook deliveries still in flight after 10 s");
    }

    /** Nango's {@code X-Nango-Hmac-Sha256}: HMAC-SHA256 of the body keyed with the signing key, hex. */
    public static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nango's legacy {@code X-Nango-Signature}: SHA-256 of key + body, hex. */
    public static String legacy(String key, String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((key + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
