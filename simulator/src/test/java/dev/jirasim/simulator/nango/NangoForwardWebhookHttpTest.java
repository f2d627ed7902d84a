package dev.jirasim.simulator.nango;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.NangoFlows;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.support.Webhooks;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.WorldFile;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provider webhooks through Nango's public webhook endpoint, forwarded to the environment's webhook URLs. */
@ExtendWith(SimulatorExtension.class)
class NangoForwardWebhookHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Jira event for issue 10001 on acme, as Jira's dynamic webhooks send it (keys deliberately not sorted). */
    private static final String EVENT = "{\"webhookEvent\":\"jira:issue_updated\",\"timestamp\":1767000000000,\"matchedWebhookIds\":[1],"
            + "\"issue\":{\"self\":\"https://acme.atlassian.net/rest/api/2/issue/10001\",\"key\":\"ACME-1\",\"id\":\"10001\","
            + "\"fields\":{\"summary\":\"Caf\u00e9 \\\"quoted\\\"\",\"votes\":1.0,\"ratio\":0.000001}},\"user\":{\"accountId\":\"" + OAuth.ALICE_ID + "\"}}";
    private final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeEach
    void route(JirasimServer sim) {
        sim.control().nangoWebhooks(NangoSettings.Webhooks.to(receiver.url("/backend")));
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    /** The event as Nango holds it once parsed: JavaScript has no 1.0, only 1. */
    private static String asJavaScriptReadsIt(String event) {
        return event.replace("\"votes\":1.0", "\"votes\":1");
    }

    private static RequestSpecification provider(JirasimServer sim) {
        return given().baseUri(sim.baseUrl() + "/nango").contentType("application/json");
    }

    private static String ingress(String key) {
        return "/webhook/" + NangoFlows.ENVIRONMENT_UUID + "/" + key;
    }

    @Test
    void aJiraEventPostedToNangoArrivesForwardedForItsConnection(JirasimServer sim) throws Exception {
        provider(sim).header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig").header("X-Atlassian-Webhook-Identifier", "77")
                .header("X-Atlassian-Webhook-Flow", "Primary").body(EVENT).post(ingress("jira"))
                .then().statusCode(200).body("status", equalTo("success"));
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size(), got.toString());
        var r = got.get(0);
        JsonNode body = r.json();
        assertEquals("forward", body.path("type").asText());
        assertEquals("jira", body.path("from").asText());
        assertEquals("jira", body.path("providerConfigKey").asText());
        assertEquals("alice-acme", body.path("connectionId").asText(), "acme's base URL is the origin of the issue's self link");
        assertEquals(JSON.readTree(asJavaScriptReadsIt(EVENT)), body.path("payload"), "the payload is Jira's body");
        // Nango re-serialises what it parsed: sorted keys, JavaScript's numbers (1.0 is 1, 0.000001 is 0.000001).
        assertTrue(r.body().startsWith("{\"connectionId\":\"alice-acme\",\"from\":\"jira\",\"payload\":{\"issue\":{\"fields\":{\"ratio\":0.000001,"
                + "\"summary\":\"Caf\u00e9 \\\"quoted\\\"\",\"votes\":1},\"id\":\"10001\""), r.body());
        assertEquals(NangoFlows.hmac(NangoFlows.SIGNING_KEY, r.body()), r.header("X-Nango-Hmac-Sha256"));
        assertEquals(NangoFlows.legacy(NangoFlows.SIGNING_KEY, r.body()), r.header("X-Nango-Signature"));
        // Jira's own headers pass through; its bearer token does not.
        assertEquals("77", r.header("X-Atlassian-Webhook-Identifier"));
        assertEquals("Primary", r.header("X-Atlassian-Webhook-Flow"));
        assertNull(r.header("Authorization"));
        assertEquals("application/json", r.header("Content-Type"));
    }

    @Test
    void anEventNoConnectionMatchesIsForwardedUnwrapped(JirasimServer sim) throws Exception {
        String globex = EVENT.replace("https://acme.atlassian.net", "https://globex.atlassian.net");
        provider(sim).body(globex).post(ingress("jira")).then().statusCode(200);
        NangoFlows.settle(sim);
        var got = receiver.received();
        assertEquals(1, got.size());
        assertEquals(JSON.readTree(asJavaScriptReadsIt(globex)), got.get(0).json(), "no connection on globex: Jira's body itself");
    }

    @Test
    void aJiraDynamicWebhookRegisteredWithNangosUrlReachesTheBackendThroughNango(JirasimServer sim) {
        String url = NangoFlows.api(sim).queryParam("include", "webhook").get("/integrations/jira").then().statusCode(200)
                .extract().path("data.webhook_url");
        assertEquals(sim.baseUrl() + "/nango" + ingress("jira"), url);
        NangoFlows.api(sim).queryParam("include", "webhook").get("/integrations/jira-data-center").then().body("data.webhook_url", equalTo(null));

        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, url, "project = ACME", "jira:issue_created");
        String key = alice.acme(2).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "Through Nango", "issuetype", Map.of("name", "Task"))))
                .post("/issue").then().statusCode(201).extract().path("key");
        NangoFlows.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size(), got.toString());
        JsonNode body = got.get(0).json();
        assertEquals("forward", body.path("type").asText());
        assertEquals("alice-acme", body.path("connectionId").asText());
        assertEquals("jira:issue_created", body.path("payload").path("webhookEvent").asText());
        assertEquals(key, body.path("payload").path("issue").path("key").asText());
        assertTrue(got.get(0).header("X-Atlassian-Webhook-Identifier") != null, "Jira's delivery headers reach the backend");
        var sources = sim.control().webhookDeliveries().stream().map(a -> a.source() + " " + a.event() + " " + a.status()).toList();
        assertEquals(List.of("jira jira:issue_created 200", "nango forward 200"), sources);
    }

    @Test
    void aConnectionsOverrideTakesItsForwards(JirasimServer sim) {
        try (WebhookReceiver own = new WebhookReceiver()) {
            withNango(sim, n -> {
                var connections = new ArrayList<NangoSettings.Connection>();
                for (var c : n.connections()) {
                    connections.add(new NangoSettings.Connection(c.id(), c.connectionId(), c.integration(), c.connectionConfig(), c.credentials(),
                            c.metadata(), c.tags(), c.endUser(), c.createdAt(), c.updatedAt(), c.lastFetchedAt(), c.refreshFailedAt(), null, null,
                            own.url("/alice")));
                }
                return new NangoSettings(n.secretKeys(), n.publicKey(), n.environment(), n.environmentUuid(), n.webhookSigningKey(), n.webhooks(),
                        n.integrations(), connections);
            });
            sim.control().nangoWebhooks(NangoSettings.Webhooks.to(receiver.url("/backend")));
            provider(sim).body(EVENT).post(ingress("jira")).then().statusCode(200);
            NangoFlows.settle(sim);
            assertEquals(1, own.received().size());
            assertEquals(0, receiver.received().size());
        }
    }

    @Test
    void anIntegrationWithAWebhookSecretWantsJirasSignature(JirasimServer sim) {
        withIntegration(sim, new NangoSettings.Integration("signed", "jira", null, "jirasim-nango-client", "jirasim-nango-secret", List.of(),
                null, null, "s3cret"));
        provider(sim).body(EVENT).post(ingress("signed")).then().statusCode(401).body("error", equalTo("Missing webhook signature"));
        provider(sim).header("X-Hub-Signature", "sha256=00").body(EVENT).post(ingress("signed")).then().statusCode(401)
                .body("error", equalTo("Invalid webhook signature"));
        provider(sim).header("X-Hub-Signature", "sha256=" + NangoFlows.hmac("s3cret", EVENT)).body(EVENT).post(ingress("signed"))
                .then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(1, receiver.received().size());
        assertTrue(receiver.received().get(0).header("X-Hub-Signature") != null, "the provider's signature header is forwarded too");
    }

    @Test
    void nothingIsForwardedWhereNangoWouldNot(JirasimServer sim) {
        withIntegration(sim, new NangoSettings.Integration("silent", "jira", null, "jirasim-nango-client", "jirasim-nango-secret", List.of(),
                null, false, null));
        provider(sim).body(EVENT).post(ingress("silent")).then().statusCode(200);
        // Data Center has no webhook routing in Nango: 204, nothing forwarded.
        provider(sim).body(EVENT).post(ingress("jira-data-center")).then().statusCode(204).body(emptyString());
        // No URL at all.
        sim.control().nangoWebhooks(null);
        provider(sim).body(EVENT).post(ingress("jira")).then().statusCode(200);
        NangoFlows.settle(sim);
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void badRequestsGetNangosErrors(JirasimServer sim) {
        provider(sim).body(EVENT).post("/webhook/not-a-uuid/jira").then().statusCode(400)
                .body("error.code", equalTo("invalid_uri_params")).body("error.errors[0].path", equalTo(List.of("environmentUuid")));
        provider(sim).body(EVENT).post("/webhook/" + NangoFlows.ENVIRONMENT_UUID + "/a%2Cb").then().statusCode(400)
                .body("error.errors[0].path", equalTo(List.of("providerConfigKey")));
        provider(sim).body(EVENT).post("/webhook/11111111-2222-4333-8444-555555555555/jira").then().statusCode(404)
                .body("error.code", equalTo("unknown_environment"));
        provider(sim).body(EVENT).post(ingress("nope")).then().statusCode(404).body("error.code", equalTo("unknown_provider_config"));
        provider(sim).body("{\"issue\":").post(ingress("jira")).then().statusCode(400).body("error.code", equalTo("invalid_json"));
        provider(sim).body("\"text\"").post(ingress("jira")).then().statusCode(400).body("error.code", equalTo("invalid_json"));
        NangoFlows.settle(sim);
        assertEquals(List.of(), receiver.received());
    }

    private static void withIntegration(JirasimServer sim, NangoSettings.Integration extra) {
        withNango(sim, n -> {
            var integrations = new ArrayList<>(n.integrations());
            integrations.add(extra);
            return new NangoSettings(n.secretKeys(), n.publicKey(), n.environment(), n.environmentUuid(), n.webhookSigningKey(), n.webhooks(),
                    integrations, n.connections());
        });
    }

    private static void withNango(JirasimServer sim, java.util.function.UnaryOperator<NangoSettings> change) {
        WorldFile w = sim.control().exportWorld();
        sim.control().replaceWorld(new WorldFile(w.version(), w.auth(), w.jira(), w.sites(), w.users(), w.apps(), w.consent(), w.projects(), null,
                w.issues(), w.tokens(), change.apply(w.nango()), w.dataCenter(), w.cloud(), w.webhooks()));
    }
}
