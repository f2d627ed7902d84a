package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.SpecValidation;
import dev.jirasim.simulator.support.Webhooks;
import dev.jirasim.simulator.world.WebhookSettings;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dynamic webhook API a 3LO app calls: register, list, delete, refresh, the failed list, and their refusals. */
@ExtendWith(SimulatorExtension.class)
class WebhookRegistrationHttpTest {
    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");
    private static final String URL = "https://app.example.com/jira";

    @BeforeEach
    void freeze(JirasimServer sim) {
        sim.control().setClock(T, true);
    }

    private static Map<String, Object> item(String jql, String... events) {
        return Map.of("events", List.of(events), "jqlFilter", jql);
    }

    private static io.restassured.response.Response register(RequestSpecification api, List<Map<String, Object>> items) {
        return api.contentType("application/json").body(Map.of("url", URL, "webhooks", items)).post("/webhook");
    }

    @Test
    void eachItemIsCreatedOrRefusedInOrderAndTheAnswerStays200(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        register(alice.acme(3), List.of(item("project = ACME", "jira:issue_created"), item("watchCount = 3", "jira:issue_updated"),
                item("assignee IS NOT EMPTY", "comment_created"), item("project != null AND status in (Done, \"To Do\")", "jira:issue_deleted"),
                item("", "jira:issue_created"), item("project = ", "jira:issue_created")))
                .then().statusCode(200)
                .body("webhookRegistrationResult", hasSize(6))
                .body("webhookRegistrationResult[0].createdWebhookId", equalTo(1))
                .body("webhookRegistrationResult[0].errors", nullValue())
                .body("webhookRegistrationResult[1].errors", contains("The clause watchCount is unsupported"))
                .body("webhookRegistrationResult[2].errors", contains("Operator is not is unsupported"))
                .body("webhookRegistrationResult[3].createdWebhookId", equalTo(2))
                .body("webhookRegistrationResult[4].errors[0]", equalTo(WebhookFilter.EMPTY))
                .body("webhookRegistrationResult[5].errors[0]", org.hamcrest.Matchers.startsWith("Error in the JQL Query"));
    }

    @Test
    void theSixthLiveWebhookOfAnAppAndUserOnASiteIsRefused(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        var six = java.util.Collections.nCopies(6, item("project = ACME", "jira:issue_created"));
        register(alice.acme(3), six).then().statusCode(200)
                .body("webhookRegistrationResult.createdWebhookId", contains(1, 2, 3, 4, 5, null))
                .body("webhookRegistrationResult[5].errors", contains(WebhookService.LIMIT));
        // Another user of the same app has a limit of their own.
        register(Webhooks.as(sim, "bob@acme.test").acme(3), List.of(item("project = ACME", "jira:issue_created")))
                .then().body("webhookRegistrationResult[0].createdWebhookId", equalTo(6));
        // Expired webhooks do not count.
        sim.control().advanceClock(Duration.ofDays(30));
        register(Webhooks.as(sim, OAuth.ALICE).acme(3), List.of(item("project = ACME", "jira:issue_created")))
                .then().body("webhookRegistrationResult[0].createdWebhookId", equalTo(7));
    }

    @Test
    void listDeleteAndRefreshSeeOnlyTheCallersOwnWebhooks(JirasimServer sim) {
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Jira bob = Webhooks.as(sim, "bob@acme.test");
        long a1 = Webhooks.register(alice, URL, "project = ACME", "jira:issue_created");
        long a2 = Webhooks.register(alice, URL, "issuetype = Bug", "jira:issue_updated", "jira:issue_created");
        long b1 = Webhooks.register(bob, URL, "project = OPS", "comment_created");

        alice.acme(3).get("/webhook").then().statusCode(200).body("total", equalTo(2)).body("isLast", equalTo(true))
                .body("startAt", equalTo(0)).body("maxResults", equalTo(100)).body("values.id", contains((int) a1, (int) a2))
                .body("values[1].events", contains("jira:issue_updated", "jira:issue_created")).body("values[1].jqlFilter", equalTo("issuetype = Bug"))
                .body("values[0].url", equalTo(URL)).body("values[0].expirationDate", equalTo(T.plus(Duration.ofDays(30)).toEpochMilli()));
        alice.acme(3).queryParam("maxResults", 1).get("/webhook").then().body("values.id", contains((int) a1)).body("isLast", equalTo(false))
                .body("nextPage", org.hamcrest.Matchers.endsWith("/webhook?startAt=1&maxResults=1"));

        sim.control().advanceClock(Duration.ofDays(10));
        alice = Webhooks.as(sim, OAuth.ALICE);
        alice.acme(3).contentType("application/json").body(Map.of("webhookIds", List.of(a1, b1, 999))).put("/webhook/refresh")
                .then().statusCode(200).body("expirationDate", equalTo(T.plus(Duration.ofDays(40)).toEpochMilli()));
        alice.acme(3).get("/webhook").then().body("values.expirationDate",
                contains(T.plus(Duration.ofDays(40)).toEpochMilli(), T.plus(Duration.ofDays(30)).toEpochMilli()));

        alice.acme(3).contentType("application/json").body(Map.of("webhookIds", List.of(a1, b1))).delete("/webhook").then().statusCode(202);
        alice.acme(3).get("/webhook").then().body("values.id", contains((int) a2));
        bob = Webhooks.as(sim, "bob@acme.test");
        bob.acme(3).get("/webhook").then().body("values.id", contains((int) b1)).body("values[0].expirationDate",
                equalTo(T.plus(Duration.ofDays(30)).toEpochMilli()));
    }

    @Test
    void aWorldMayWriteExpirationDatesAsJirasDateTimeStrings(JirasimServer sim) {
        var world = sim.control().exportWorld();
        sim.control().replaceWorld(world.withWebhooks(new WebhookSettings(new WebhookSettings.Jira(null, null,
                WebhookSettings.ExpirationFormat.STRING, null, null, null))));
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        Webhooks.register(alice, URL, "project = ACME", "jira:issue_created");
        alice.acme(3).get("/webhook").then().body("values[0].expirationDate", equalTo("2030-03-31T10:00:00.000+0000"));
    }

    @Test
    void callersThatAreNotAppsOrLackAScopeAreRefused(JirasimServer sim) {
        Jira plain = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work write:jira-work offline_access");
        plain.acme(3).get("/webhook").then().statusCode(401);
        // (Another user: consent adds scopes to the user's one grant, so alice's would now hold both.)
        Jira manageOnly = Jira.as(sim, "bob@acme.test", List.of("acme"), "manage:jira-webhook offline_access");
        manageOnly.acme(3).get("/webhook").then().statusCode(401);
        // A user with an API token on the site host is not an app.
        RestAssured.given().baseUri(sim.baseUrl()).auth().preemptive().basic(OAuth.ALICE, "ATATT3xFfGF0aliceJirasimDefault=1A2B3C4D")
                .get("/site/acme/rest/api/3/webhook").then().statusCode(403)
                .body("errorMessages", contains(WebhookService.ONLY_APPS));
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        alice.acme(3).get("/webhook/failed").then().statusCode(403).body("errorMessages[0]", equalTo("Only Connect apps can use this operation."));
        alice.acme(2).get("/webhook").then().statusCode(404);
    }

    @Test
    void malformedBodiesAreJirasInvalidPayload(JirasimServer sim) {
        RequestSpecification api = Webhooks.as(sim, OAuth.ALICE).acme(3).contentType("application/json");
        for (String body : List.of("{}", "{\"url\":\"" + URL + "\"}", "{\"url\":7,\"webhooks\":[]}", "{\"url\":\"" + URL + "\",\"webhooks\":[{}]}",
                "{\"url\":\"" + URL + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"]}]}",
                "{\"url\":\"" + URL + "\",\"webhooks\":[{\"events\":[\"nope\"],\"jqlFilter\":\"project = ACME\"}]}",
                "{\"url\":\"" + URL + "\",\"webhooks\":[],\"secret\":\"s\"}", "[1]", "{\"url\":")) {
            api.body(body).post("/webhook").then().statusCode(400)
                    .body("errorMessages", contains("Invalid request payload. Refer to the REST API documentation and try again."));
        }
        api.body("{\"url\":\"not a url\",\"webhooks\":[]}").post("/webhook").then().statusCode(400);
        for (String body : List.of("{}", "{\"webhookIds\":[\"1\"]}", "{\"webhookIds\":1}", "{\"webhookIds\":[1.5]}")) {
            api.body(body).delete("/webhook").then().statusCode(400);
            api.body(body).put("/webhook/refresh").then().statusCode(400);
        }
        api.contentType("text/plain").body("x").post("/webhook").then().statusCode(415);
        assertEquals(List.of(), sim.control().exportWorld().webhooks() == null ? List.of()
                : sim.control().exportWorld().webhooks().jira().registrations(), "a refused request registers nothing");
    }

    @Test
    void everyAnswerValidatesAgainstTheOfficialSpec(JirasimServer sim) {
        assumeTrue(SpecValidation.available(), "Skipped: " + SpecValidation.SPEC.toAbsolutePath() + " not found");
        List<String> problems = SpecValidation.newList();
        Jira alice = Webhooks.as(sim, OAuth.ALICE);
        RequestSpecification api = alice.acme(3).filter(SpecValidation.recordingInto(problems));
        register(api, List.of(item("project = ACME", "jira:issue_created"), item("watchCount = 3", "jira:issue_created"))).then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).get("/webhook").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).queryParam("maxResults", 0).get("/webhook").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json").body(Map.of("webhookIds", List.of(1)))
                .put("/webhook/refresh").then().statusCode(200);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json").body(Map.of("webhookIds", List.of(1)))
                .delete("/webhook").then().statusCode(202);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json").body("{}").post("/webhook").then().statusCode(400);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).contentType("application/json").body("{}").delete("/webhook").then().statusCode(400);
        alice.acme(3).filter(SpecValidation.recordingInto(problems)).get("/webhook/failed").then().statusCode(403);
        assertEquals(List.of(), problems);
    }
}
