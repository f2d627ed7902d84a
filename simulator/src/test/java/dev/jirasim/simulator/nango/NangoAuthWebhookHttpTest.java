package dev.jirasim.simulator.nango;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.NangoFlows;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.NangoSettings.Webhooks;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nango's auth webhooks over loopback: connect flows, failed connects, failed refreshes, toggles, URLs, retries. */
@ExtendWith(SimulatorExtension.class)
class NangoAuthWebhookHttpTest {
    private static final String REFRESH_ERROR = "The external API returned an error when trying to refresh the access token. Please try again later.";
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final WebhookReceiver second = new WebhookReceiver();

    @AfterEach
    void close() {
        receiver.close();
        second.close();
    }

    private void sendTo(JirasimServer sim, String path) {
        sim.control().nangoWebhooks(Webhooks.to(receiver.url(path)));
    }

    @Test
    void aConnectFlowDeliversTheCreationWebhookSignedWithTheSigningKey(JirasimServer sim) {
        sendTo(sim, "/nango");
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        String token = NangoFlows.session(sim, Map.of(
                "end_user", Map.of("id", "u-1", "email", "alice@acme.test", "display_name", "Alice", "tags", Map.of("Plan", "pro")),
                "organization", Map.of("id", "org-1", "display_name", "Acme"),
                "tags", Map.of("team", "a")));
        Response page = NangoFlows.connectWithSession(sim, token);
        assertEquals(200, page.statusCode(), page.asString());
        String id = NangoFlows.connectionId(page);
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size(), "one auth webhook: " + got);
        var r = got.get(0);
        assertEquals("POST", r.method());
        assertEquals("/nango", r.path());
        // Compact, keys sorted: exactly Nango's stable JSON.
        String expected = "{\"authMode\":\"OAUTH2\",\"connectionId\":\"" + id + "\",\"endUser\":{\"endUserEmail\":\"alice@acme.test\","
                + "\"endUserId\":\"u-1\",\"organizationId\":\"org-1\",\"tags\":{\"Plan\":\"pro\"}},\"environment\":\"dev\",\"from\":\"nango\","
                + "\"operation\":\"creation\",\"provider\":\"jira\",\"providerConfigKey\":\"jira\",\"success\":true,"
                + "\"tags\":{\"end_user_display_name\":\"Alice\",\"end_user_email\":\"alice@acme.test\",\"end_user_id\":\"u-1\","
                + "\"organization_display_name\":\"Acme\",\"organization_id\":\"org-1\",\"plan\":\"pro\",\"team\":\"a\"},\"type\":\"auth\"}";
        assertEquals(expected, r.body());
        assertEquals(NangoFlows.hmac(NangoFlows.SIGNING_KEY, r.body()), r.header("X-Nango-Hmac-Sha256"));
        assertEquals(NangoFlows.legacy(NangoFlows.SIGNING_KEY, r.body()), r.header("X-Nango-Signature"));
        assertNotEquals(NangoFlows.hmac(NangoFlows.SECRET_KEY, r.body()), r.header("X-Nango-Hmac-Sha256"), "signed with the signing key, not the secret key");
        assertEquals("application/json", r.header("Content-Type"));
        assertTrue(r.header("User-Agent").startsWith("nango/"), r.header("User-Agent"));

        // The connection carries the session's tags; the control API lists the attempt.
        NangoFlows.api(sim).queryParam("provider_config_key", "jira").get("/connections/" + id).then().statusCode(200)
                .body("tags.team", equalTo("a")).body("tags.end_user_id", equalTo("u-1"));
        List<DeliveryAttempt> attempts = sim.control().webhookDeliveries();
        assertEquals(1, attempts.size());
        assertEquals("nango", attempts.get(0).source());
        assertEquals("auth", attempts.get(0).event());
        assertEquals(DeliveryAttempt.DELIVERED, attempts.get(0).outcome());
    }

    @Test
    void connectingAnExistingConnectionAgainIsAnOverrideWhichNoToggleStops(JirasimServer sim) {
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        sim.control().nangoWebhooks(new Webhooks(receiver.url("/n"), null, false, null, null, null, null));
        NangoFlows.connectWithPublicKey(sim, "mine").then().statusCode(200);
        NangoFlows.connectWithPublicKey(sim, "mine").then().statusCode(200);
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size(), "the creation is switched off, the override is not: " + got);
        JsonNode body = got.get(0).json();
        assertEquals("override", body.path("operation").asText());
        assertTrue(body.path("success").asBoolean());
        assertEquals("mine", body.path("connectionId").asText());
        assertTrue(body.path("tags").isObject() && body.path("tags").isEmpty(), "a connection always has its tags, here none: " + body);
        assertTrue(body.path("endUser").isMissingNode(), "no connect session, no end user");
    }

    @Test
    void aDeniedConsentDeliversTheFailedCreation(JirasimServer sim) {
        sendTo(sim, "/n");
        NangoFlows.aliceConsents(sim, Consent.Decision.DENY);
        NangoFlows.connectWithPublicKey(sim, "denied").then().statusCode(200);
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size());
        JsonNode body = got.get(0).json();
        assertEquals("creation", body.path("operation").asText());
        assertFalse(body.path("success").asBoolean());
        assertEquals("denied", body.path("connectionId").asText());
        assertEquals("invalid_callback", body.path("error").path("type").asText());
        assertEquals("Did not get authorization code in the callback. Provider error: error: access_denied; "
                + "error_description: User did not authorize the request", body.path("error").path("description").asText());
        assertTrue(body.path("tags").isMissingNode(), "no connection was made, so no tags: " + body);
        assertEquals(NangoFlows.hmac(NangoFlows.SIGNING_KEY, got.get(0).body()), got.get(0).header("X-Nango-Hmac-Sha256"));
    }

    @Test
    void aRevokedGrantsFailedRefreshDeliversTheFailureWebhookFromGetConnectionAndTheProxy(JirasimServer sim) {
        sendTo(sim, "/n");
        sim.control().setClock(null, true);
        sim.control().revokeUser(OAuth.ALICE);
        sim.control().advanceClock(Duration.ofMinutes(50));
        NangoFlows.api(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").then().statusCode(400);
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size(), got.toString());
        String expected = "{\"authMode\":\"OAUTH2\",\"connectionId\":\"alice-acme\",\"environment\":\"dev\",\"error\":{\"description\":\""
                + REFRESH_ERROR + "\",\"type\":\"refresh_token_external_error\"},\"from\":\"nango\",\"operation\":\"refresh\",\"provider\":\"jira\","
                + "\"providerConfigKey\":\"jira\",\"success\":false,\"tags\":{},\"type\":\"auth\"}";
        assertEquals(expected, got.get(0).body());

        // Within the backoff no refresh runs, so no webhook; after it the proxy's refresh fails again and tells again.
        NangoFlows.api(sim).header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme")
                .get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(424);
        sim.control().advanceClock(Duration.ofSeconds(31));
        NangoFlows.api(sim).header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme")
                .get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(403);
        NangoFlows.settle(sim);
        assertEquals(2, receiver.received().size());
        assertEquals(expected, receiver.received().get(1).body());
    }

    @Test
    void togglesOffMeanNoDelivery(JirasimServer sim) {
        sim.control().nangoWebhooks(new Webhooks(receiver.url("/n"), null, false, false, null, null, null));
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "quiet").then().statusCode(200);
        sim.control().setClock(null, true);
        sim.control().revokeUser(OAuth.ALICE);
        sim.control().advanceClock(Duration.ofMinutes(50));
        NangoFlows.api(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").then().statusCode(400);
        NangoFlows.settle(sim);
        assertEquals(List.of(), receiver.received());
        assertEquals(List.of(), sim.control().webhookDeliveries());
        // And without a URL nothing is sent whatever the toggles say.
        sim.control().nangoWebhooks(null);
        NangoFlows.connectWithPublicKey(sim, "nowhere").then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(List.of(), sim.control().webhookDeliveries());
    }

    @Test
    void theSecondaryUrlReceivesTooAndAConnectionsOverrideReplacesBoth(JirasimServer sim) {
        sim.control().nangoWebhooks(new Webhooks(receiver.url("/primary"), second.url("/secondary"), null, null, null, null, null));
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "both").then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size());
        assertEquals(1, second.received().size());
        assertEquals(receiver.received().get(0).body(), second.received().get(0).body(), "the same body to both");

        try (WebhookReceiver own = new WebhookReceiver()) {
            String token = NangoFlows.session(sim, Map.of("end_user", Map.of("id", "u-2"), "webhook_url_override", own.url("/own")));
            String id = NangoFlows.connectionId(NangoFlows.connectWithSession(sim, token));
            NangoFlows.settle(sim);
            assertEquals(1, own.received().size());
            JsonNode endUser = own.received().get(0).json().path("endUser");
            assertTrue(endUser.has("endUserEmail") && endUser.get("endUserEmail").isNull(), "no e-mail given: null, as Nango writes it: " + endUser);
            assertFalse(endUser.has("organizationId"));
            assertEquals(1, receiver.received().size(), "the override replaces the primary URL");
            assertEquals(1, second.received().size(), "and drops the secondary");
            NangoFlows.api(sim).queryParam("provider_config_key", "jira").get("/connections/" + id).then()
                    .body("webhook_url_override", equalTo(own.url("/own")));
        }
    }

    @Test
    void aReceiverAnswering500SeesNangosTwoRetriesAsTheClockAdvances(JirasimServer sim) {
        receiver.answering(500);
        sendTo(sim, "/down");
        sim.control().setClock(null, true);
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "retry-me").then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size());
        var first = sim.control().webhookDeliveries().get(0);
        assertEquals(DeliveryAttempt.RETRYING, first.outcome());
        assertEquals(first.at().plusSeconds(3), first.nextAttemptAt(), "3 s, then 6 s");

        sim.control().advanceClock(Duration.ofSeconds(2));
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size(), "not yet due");
        sim.control().advanceClock(Duration.ofSeconds(1));
        NangoFlows.settle(sim);
        assertEquals(2, receiver.received().size());
        sim.control().advanceClock(Duration.ofSeconds(6));
        NangoFlows.settle(sim);
        assertEquals(3, receiver.received().size());
        sim.control().advanceClock(Duration.ofMinutes(10));
        NangoFlows.settle(sim);
        assertEquals(3, receiver.received().size(), "two retries, no more");
        var attempts = sim.control().webhookDeliveries();
        assertEquals(List.of(1, 2, 3), attempts.stream().map(DeliveryAttempt::attempt).toList());
        assertEquals(DeliveryAttempt.FAILED, attempts.get(2).outcome());
        // The same body, and so the same signatures, on every attempt.
        assertEquals(1, receiver.received().stream().map(r -> r.body() + r.header("X-Nango-Hmac-Sha256")).distinct().count());
    }

    @Test
    void theSecondaryUrlWaitsUntilThePrimaryIsDeliveredOrGivenUp(JirasimServer sim) {
        receiver.answering(503);
        sim.control().nangoWebhooks(new Webhooks(receiver.url("/primary"), second.url("/secondary"), null, null, null, null, null));
        sim.control().setClock(null, true);
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "in-turn").then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size());
        assertEquals(0, second.received().size(), "Nango awaits the primary URL's retries before the secondary");
        sim.control().advanceClock(Duration.ofSeconds(3));
        NangoFlows.settle(sim);
        assertEquals(2, receiver.received().size());
        assertEquals(0, second.received().size());
        sim.control().advanceClock(Duration.ofSeconds(6));
        NangoFlows.settle(sim);
        assertEquals(3, receiver.received().size());
        assertEquals(1, second.received().size(), "the primary given up, the secondary goes");
        var urls = sim.control().webhookDeliveries().stream().map(DeliveryAttempt::url).toList();
        assertEquals(List.of(receiver.url("/primary"), receiver.url("/primary"), receiver.url("/primary"), second.url("/secondary")), urls);
    }

    @Test
    void aReceiverAnswering400GetsNoRetry(JirasimServer sim) {
        receiver.answering(400);
        sendTo(sim, "/bad");
        sim.control().setClock(null, true);
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "no-retry").then().statusCode(200);
        NangoFlows.settle(sim);
        sim.control().advanceClock(Duration.ofMinutes(1));
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size());
        assertEquals(DeliveryAttempt.FAILED, sim.control().webhookDeliveries().get(0).outcome());
    }

    @Test
    void aRotatedSigningKeySignsWhatFollows(JirasimServer sim) {
        assertEquals(NangoFlows.SIGNING_KEY, sim.control().nangoWebhookSigningKey());
        String next = NangoFlows.api(sim).post("/environment/webhook-signing-key/rotate").then().statusCode(200)
                .extract().path("data.webhook_signing_key");
        assertTrue(next.matches(dev.jirasim.simulator.world.NangoSettings.UUID_V4), next);
        assertEquals(next, sim.control().nangoWebhookSigningKey());
        sendTo(sim, "/n");
        NangoFlows.aliceConsents(sim, Consent.Decision.APPROVE);
        NangoFlows.connectWithPublicKey(sim, "rotated").then().statusCode(200);
        NangoFlows.settle(sim);
        var r = receiver.received().get(0);
        assertEquals(NangoFlows.hmac(next, r.body()), r.header("X-Nango-Hmac-Sha256"));
        // The rotation is part of the world: an export carries the new key.
        assertEquals(next, sim.control().exportWorld().nango().webhookSigningKey());
    }
}
