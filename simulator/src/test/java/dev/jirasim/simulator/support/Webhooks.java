package dev.jirasim.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Test helpers for Jira's dynamic webhooks: a token that may manage them, registration, JWT checks. */
public final class Webhooks {
    public static final String SCOPES = "read:jira-work write:jira-work read:jira-user manage:jira-webhook offline_access";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    /** A 3LO app's view as {@code user} on acme, with the webhook scopes. */
    public static Jira as(JirasimServer sim, String user) {
        return Jira.as(sim, user, List.of("acme"), SCOPES);
    }

    /** Registers one webhook; returns its id (fails the test when the item has errors). */
    public static long register(Jira jira, String url, String jql, String... events) {
        Response r = jira.acme(3).contentType("application/json")
                .body(Map.of("url", url, "webhooks", List.of(Map.of("events", List.of(events), "jqlFilter", jql)))).post("/webhook");
        if (r.statusCode() != 200) throw new AssertionError("register answered " + r.statusCode() + ": " + r.asString());
        Number id = r.path("webhookRegistrationResult[0].createdWebhookId");
        if (id == null) throw new AssertionError("not registered: " + r.asString());
        return id.longValue();
    }

    /** Waits (bounded) until every delivery the simulator has in flight is answered. */
    public static void settle(JirasimServer sim) {
        if (!sim.control().awaitWebhooksIdle(Duration.ofSeconds(10))) throw new AssertionError("webhook deliveries still in flight after 10 s");
    }

    /** The claims of an HS256 JWT, after checking its signature with {@code secret}. */
    public static JsonNode verifiedClaims(String jwt, String secret) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) throw new AssertionError("not a JWT: " + jwt);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
            if (!expected.equals(parts[2])) throw new AssertionError("the JWT's signature does not verify with the secret");
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!header.path("alg").asText().equals("HS256")) throw new AssertionError("alg is not HS256: " + header);
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
