package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.support.Webhooks;
import dev.jirasim.simulator.world.CustomField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Jira's dynamic webhooks end to end over loopback: register with a filter, change issues through the API, see what arrives. */
@ExtendWith(SimulatorExtension.class)
class WebhookDeliveryHttpTest {
    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");
    private final WebhookReceiver receiver = new WebhookReceiver();

    @BeforeEach
    void freeze(JirasimServer sim) {
        sim.control().setClock(T, true);
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private static String create(Jira jira, String project, String summary) {
        return jira.acme(2).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", project), "summary", summary, "issuetype", Map.of("name", "Task"))))
                .post("/issue").then().statusCode(201).extract().path("key");
    }

    @Test
    void aMatchingIssueCreatedThroughTheApiArrivesOnceWithItsPayloadAndHeaders(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        long id = Webhooks.register(alice, receiver.url("/jira/events?tenant=a"), "project = ACME", "jira:issue_created");

        String key = create(alice, "ACME", "Webhook me");
        Webhooks.settle(sim);

        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(1, got.size(), "one delivery: " + got);
        var r = got.get(0);
        assertEquals("POST", r.method());
        assertEquals("/jira/events", r.path());
        assertEquals("tenant=a", r.query(), "the registered URL's query string is kept by default");
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("Primary", r.header("X-Atlassian-Webhook-Flow"));
        assertNotNull(r.header("X-Atlassian-Webhook-Identifier"));
        assertNull(r.header("X-Atlassian-Webhook-Retry"), "no retry header on the first attempt");
        assertTrue(r.header("Authorization").startsWith("Bearer "));
        JsonNode claims = Webhooks.verifiedClaims(r.header("Authorization").substring(7), OAuth.CLIENT_SECRET);
        assertEquals(T.getEpochSecond(), claims.path("iat").asLong());
        assertTrue(claims.path("exp").asLong() > T.getEpochSecond());

        JsonNode body = r.json();
        assertEquals(T.toEpochMilli(), body.path("timestamp").asLong());
        assertEquals("jira:issue_created", body.path("webhookEvent").asText());
        assertEquals("issue_created", body.path("issue_event_type_name").asText());
        assertEquals(List.of(id), List.of(body.path("matchedWebhookIds").get(0).asLong()));
        assertEquals(1, body.path("matchedWebhookIds").size());
        assertEquals(key, body.path("issue").path("key").asText());
        assertEquals("https://acme.atlassian.net/rest/api/2/issue/" + body.path("issue").path("id").asText(), body.path("issue").path("self").asText());
        assertEquals("Webhook me", body.path("issue").path("fields").path("summary").asText());
        assertEquals(OAuth.ALICE_ID, body.path("user").path("accountId").asText());
        assertTrue(body.path("user").path("emailAddress").isMissingNode(), "the actor has no e-mail address in a webhook");
        assertTrue(body.path("changelog").isMissingNode(), "no changelog on a creation");
    }

    @Test
    void aFilterOnTheEpicLabelFieldMatchesItsTextIgnoringCase(JirasimServer sim) {
        var world = sim.control().exportWorld();
        var fields = new java.util.ArrayList<>(world.jira().customFields());
        fields.add(new CustomField("customfield_10011", "acme", "Epic Name", "text", null));
        sim.control().replaceWorld(world.withJira(world.jira().withCustomFields(fields)));
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/epics"), "cf[10011] = Payments AND project = ACME", "jira:issue_created");
        Webhooks.register(alice, receiver.url("/not-epics"), "cf[10011] != Payments", "jira:issue_created");

        for (var label : new String[] {"payments", "Billing"}) {
            alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", label,
                    "issuetype", Map.of("name", "Task"), "customfield_10011", label))).post("/issue").then().statusCode(201);
        }
        create(alice, "ACME", "no label");
        Webhooks.settle(sim);
        var byPath = new java.util.TreeMap<String, List<String>>();
        receiver.received().forEach(r -> byPath.computeIfAbsent(r.path(), p -> new java.util.ArrayList<>())
                .add(r.json().path("issue").path("fields").path("summary").asText()));
        assertEquals(Map.of("/epics", List.of("payments"), "/not-epics", List.of("Billing")), byPath,
                "= ignores case; != leaves out issues without a label, as Jira's negative operators do");
    }

    @Test
    void anUpdateCarriesTheChangelogOfThatChange(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/hook"), "project = ACME", "jira:issue_updated");
        alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("summary", "Renamed by the test"))).put("/issue/ACME-1")
                .then().statusCode(204);
        Webhooks.settle(sim);

        var got = receiver.received();
        assertEquals(1, got.size());
        JsonNode body = got.get(0).json();
        assertEquals("jira:issue_updated", body.path("webhookEvent").asText());
        assertEquals("issue_updated", body.path("issue_event_type_name").asText());
        JsonNode item = body.path("changelog").path("items").get(0);
        assertEquals("summary", item.path("field").asText());
        assertEquals("summary", item.path("fieldId").asText());
        assertEquals("Renamed by the test", item.path("toString").asText());
        assertTrue(item.has("from") && item.get("from").isNull(), "nulls are written: " + item);
        // The changelog entry is the one the issue's history now ends with.
        String last = alice.acme(3).get("/issue/ACME-1/changelog").then().extract().path("values[-1].id");
        assertEquals(last, body.path("changelog").path("id").asText());
    }

    @Test
    void aNonMatchingOrInvisibleIssueDeliversNothing(JirasimServer sim) {
        // bob may browse ACME and OPS, not SEC; his filter names ACME and SEC.
        Jira bob = Webhooks.as(sim, "bob@acme.test");
        Webhooks.register(bob, receiver.url("/bob"), "project in (ACME, SEC)", "jira:issue_created");
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        create(alice, "SEC", "Secret");
        create(alice, "OPS", "Not in the filter");
        String seen = create(alice, "ACME", "Visible and matching");
        Webhooks.settle(sim);

        var got = receiver.received();
        assertEquals(List.of(seen), got.stream().map(r -> r.json().path("issue").path("key").asText()).toList());
    }

    @Test
    void after30DaysWithoutRefreshNothingArrivesAndARefreshExtendsTheLife(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        long kept = Webhooks.register(alice, receiver.url("/kept"), "project = ACME", "jira:issue_created");
        Webhooks.register(alice, receiver.url("/lapsed"), "project = ACME", "jira:issue_created");

        sim.control().advanceClock(java.time.Duration.ofDays(29));
        alice = Webhooks.as(sim, OAuth.ALICE); // the first token has long expired; the webhooks belong to the app and user
        alice.acme(3).contentType("application/json").body(Map.of("webhookIds", List.of(kept))).put("/webhook/refresh")
                .then().statusCode(200).body("expirationDate", org.hamcrest.Matchers.equalTo(T.plus(java.time.Duration.ofDays(59)).toEpochMilli()));
        sim.control().advanceClock(java.time.Duration.ofDays(1));
        alice = Webhooks.as(sim, OAuth.ALICE);
        create(alice, "ACME", "Day 30");
        Webhooks.settle(sim);

        assertEquals(List.of("/kept"), receiver.received().stream().map(WebhookReceiver.Received::path).toList(),
                "the unrefreshed webhook lapsed exactly 30 days after its registration");
        sim.control().advanceClock(java.time.Duration.ofDays(29));
        alice = Webhooks.as(sim, OAuth.ALICE);
        create(alice, "ACME", "Day 59");
        Webhooks.settle(sim);
        assertEquals(1, receiver.received().size(), "the refreshed one lapsed 30 days after its refresh");
    }

    @Test
    void aReceiverAnswering500SeesTheRetriesWhenTheClockAdvances(JirasimServer sim) {
        receiver.answering(500);
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/down"), "project = ACME", "jira:issue_created");
        create(alice, "ACME", "Retry me");
        Webhooks.settle(sim);
        assertEquals(1, receiver.received().size());

        sim.control().advanceClock(java.time.Duration.ofSeconds(59));
        Webhooks.settle(sim);
        assertEquals(1, receiver.received().size(), "the first retry is due after 60 s");
        sim.control().advanceClock(java.time.Duration.ofSeconds(1));
        Webhooks.settle(sim);
        assertEquals(2, receiver.received().size());
        for (int i = 0; i < 10; i++) {
            sim.control().advanceClock(java.time.Duration.ofMinutes(15));
            Webhooks.settle(sim);
        }
        var got = receiver.received();
        assertEquals(6, got.size(), "the first attempt and five retries");
        String id = got.get(0).header("X-Atlassian-Webhook-Identifier");
        for (int n = 0; n < got.size(); n++) {
            assertEquals(id, got.get(n).header("X-Atlassian-Webhook-Identifier"), "the identifier is stable across retries");
            assertEquals(n == 0 ? null : Integer.toString(n), got.get(n).header("X-Atlassian-Webhook-Retry"));
            assertEquals(got.get(0).body(), got.get(n).body(), "the same payload every time");
        }

        var attempts = sim.control().webhookDeliveries();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), attempts.stream().map(a -> a.attempt()).toList());
        assertEquals(List.of("retrying", "retrying", "retrying", "retrying", "retrying", "failed"), attempts.stream().map(a -> a.outcome()).toList());
        assertTrue(attempts.stream().allMatch(a -> a.status() == 500 && a.deliveryId().equals(id)));
        assertEquals(T, attempts.get(0).at());
        assertEquals(T.plusSeconds(60), attempts.get(0).nextAttemptAt());
        String masked = attempts.get(0).headers().get("Authorization");
        assertFalse(masked.length() > 40, "the JWT is masked in the list: " + masked);
    }

    @Test
    void aReceiverAnswering400GetsNoRetry(JirasimServer sim) {
        receiver.answering(400);
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/bad"), "project = ACME", "jira:issue_created");
        create(alice, "ACME", "Refused");
        Webhooks.settle(sim);
        sim.control().advanceClock(java.time.Duration.ofDays(1));
        Webhooks.settle(sim);
        assertEquals(1, receiver.received().size());
        var attempts = sim.control().webhookDeliveries();
        assertEquals(1, attempts.size());
        assertEquals("failed", attempts.get(0).outcome());
        assertEquals(400, attempts.get(0).status());
    }

    @Test
    void aCommentFiresItsCommentEventAndAnIssueUpdateThatCarriesIt(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/comments"), "project = ACME", "comment_created", "comment_updated", "comment_deleted",
                "jira:issue_updated");
        String id = alice.acme(2).contentType("application/json").body(Map.of("body", "First!")).post("/issue/ACME-2/comment")
                .then().statusCode(201).extract().path("id");
        alice.acme(2).contentType("application/json").body(Map.of("body", "First, edited")).put("/issue/ACME-2/comment/" + id)
                .then().statusCode(200);
        alice.acme(2).delete("/issue/ACME-2/comment/" + id).then().statusCode(204);
        Webhooks.settle(sim);

        var got = receiver.received().stream().map(WebhookReceiver.Received::json).toList();
        assertEquals(List.of("jira:issue_updated", "comment_created", "jira:issue_updated", "comment_updated", "jira:issue_updated", "comment_deleted"),
                got.stream().map(b -> b.path("webhookEvent").asText()).toList());
        assertEquals(List.of("issue_commented", "issue_comment_edited", "issue_comment_deleted"),
                List.of(got.get(0), got.get(2), got.get(4)).stream().map(b -> b.path("issue_event_type_name").asText()).toList());
        assertEquals("First!", got.get(0).path("comment").path("body").asText(), "the update carries the comment, v2: a string");
        assertTrue(got.get(0).path("changelog").isMissingNode(), "a comment writes no changelog");
        JsonNode created = got.get(1);
        assertEquals(id, created.path("comment").path("id").asText());
        assertEquals("First!", created.path("comment").path("body").asText());
        assertEquals(OAuth.ALICE_ID, created.path("comment").path("author").path("accountId").asText());
        assertEquals("ACME-2", created.path("issue").path("key").asText());
        assertTrue(created.path("issue").path("fields").has("summary") && !created.path("issue").path("fields").has("description"),
                "comment events show a reduced issue: " + created.path("issue"));
        assertEquals("First, edited", got.get(3).path("comment").path("body").asText());
        assertEquals(id, got.get(5).path("comment").path("id").asText());
    }

    @Test
    void deletingAnIssueTellsOfItsCommentsInTheSecondaryFlow(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, receiver.url("/deleted"), "project = ACME", "jira:issue_deleted", "comment_deleted");
        String key = create(alice, "ACME", "Short-lived");
        for (String text : List.of("one", "two")) {
            alice.acme(2).contentType("application/json").body(Map.of("body", text)).post("/issue/" + key + "/comment").then().statusCode(201);
        }
        alice.acme(2).delete("/issue/" + key).then().statusCode(204);
        Webhooks.settle(sim);

        var got = receiver.received();
        assertEquals(List.of("jira:issue_deleted", "comment_deleted", "comment_deleted"),
                got.stream().map(r -> r.json().path("webhookEvent").asText()).toList());
        assertEquals(List.of("Primary", "Secondary", "Secondary"), got.stream().map(r -> r.header("X-Atlassian-Webhook-Flow")).toList());
        assertEquals(key, got.get(0).json().path("issue").path("key").asText(), "the issue as it was");
        assertEquals(List.of("one", "two"), got.subList(1, 3).stream().map(r -> r.json().path("comment").path("body").asText()).toList());
    }

    @Test
    void aFieldIdsFilterLetsOnlyChangesOfThoseFieldsThrough(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        alice.acme(3).contentType("application/json").body(Map.of("url", receiver.url("/assign"), "webhooks", List.of(Map.of(
                "events", List.of("jira:issue_updated"), "jqlFilter", "project = ACME", "fieldIdsFilter", List.of("assignee")))))
                .post("/webhook").then().statusCode(200);
        alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("summary", "Not watched"))).put("/issue/ACME-3")
                .then().statusCode(204);
        alice.acme(2).contentType("application/json").body(Map.of("accountId", "5f8a1c2e4b7d9e0011a2b3c5")).put("/issue/ACME-3/assignee")
                .then().statusCode(204);
        Webhooks.settle(sim);
        var got = receiver.received();
        assertEquals(1, got.size());
        assertEquals("issue_assigned", got.get(0).json().path("issue_event_type_name").asText());
        assertEquals("assignee", got.get(0).json().path("changelog").path("items").get(0).path("field").asText());
    }

    @Test
    void aPrivateAppsWebhooksFireOnlyForItsOwnerAndImportedRegistrationsFire(JirasimServer sim) {
        String expires = T.plus(java.time.Duration.ofDays(5)).toString();
        String hooks = """
                webhooks:
                  jira:
                    registrations:
                      - {id: 7, site: acme, clientId: jirasim-private-client, accountId: alice@acme.test, url: "%s",
                         events: [jira:issue_created], jqlFilter: "project = ACME", expirationDate: "%s"}
                      - {id: 8, site: acme, clientId: jirasim-private-client, accountId: bob@acme.test, url: "%s",
                         events: [jira:issue_created], jqlFilter: "project = ACME", expirationDate: "%s"}
                """.formatted(receiver.url("/owner"), expires, receiver.url("/not-owner"), expires);
        String world = dev.jirasim.simulator.world.WorldFiles.toYaml(sim.control().exportWorld()) + hooks;
        sim.control().replaceWorld(world);
        assertEquals(List.of(7L, 8L), sim.control().exportWorld().webhooks().jira().registrations().stream().map(h -> h.id()).toList());
        assertEquals(OAuth.ALICE_ID, sim.control().exportWorld().webhooks().jira().registrations().get(0).accountId(), "kept by account id");

        create(Webhooks.as(sim, OAuth.ALICE), "ACME", "For the owner only");
        Webhooks.settle(sim);
        assertEquals(List.of("/owner"), receiver.received().stream().map(WebhookReceiver.Received::path).toList());
        JsonNode claims = Webhooks.verifiedClaims(receiver.received().get(0).header("Authorization").substring(7), "jirasim-private-secret");
        assertTrue(claims.has("iat"), "signed with the private app's own secret");
    }
}
