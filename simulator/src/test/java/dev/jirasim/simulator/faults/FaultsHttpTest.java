package dev.jirasim.simulator.faults;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class FaultsHttpTest {
    private JirasimServer sim;
    private OAuth oauth;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
    }

    private RequestSpecification http() {
        return oauth.http();
    }

    private String fault(String json) {
        return http().contentType("application/json").body(json).post("/__admin/faults")
                .then().statusCode(201).extract().path("faults[0].id");
    }

    private JournalEntry lastJournaled(String path) {
        List<JournalEntry> seen = sim.control().journal().stream().filter(e -> e.path().equals(path)).toList();
        return seen.get(seen.size() - 1);
    }

    @Test
    void aRuleAnswersMatchingPathsWithItsStatusBodyAndHeaders() {
        fault("""
                {"path": "/api/oauth/token/*", "status": 503,
                 "body": {"oops": true, "items": [1, 2]}, "headers": {"Retry-After": 7, "X-Trace": "abc"}}""");
        http().get("/api/oauth/token/accessible-resources").then().statusCode(503)
                .header("Retry-After", "7").header("X-Trace", "abc").contentType("application/json")
                .body("oops", equalTo(true)).body("items", equalTo(List.of(1, 2)));
        http().get("/api/me").then().statusCode(401);
    }

    @Test
    void withoutABodyTheHostsOwnErrorShapeIsUsed() {
        fault("{\"path\": \"/api/**\", \"status\": 503}");
        fault("{\"path\": \"/auth/**\", \"status\": 500}");
        http().get("/api/me").then().statusCode(503).body("code", equalTo(503)).body("message", equalTo("Service Unavailable"));
        http().post("/auth/oauth/token").then().statusCode(500)
                .body("error", equalTo("server_error")).body("error_description", equalTo("Server Error"));
    }

    @Test
    void faultsTakeTheShapeOfTheHostTheyHit() {
        fault("{\"path\": \"/api/ex/jira/*/rest/api/3/search/jql\", \"status\": 429, \"headers\": {\"Retry-After\": \"30\"}}");
        http().get("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/search/jql").then().statusCode(429)
                .header("Retry-After", "30").body("errorMessages[0]", equalTo("Rate limit exceeded."));
        http().get("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(401);
    }

    @Test
    void pathsWithoutARouteCanBeFaultedToo() {
        fault("{\"path\": \"/api/nothing/**\", \"status\": 503}");
        http().get("/api/nothing/here").then().statusCode(503).body("code", equalTo(503));
        http().get("/api/elsewhere").then().statusCode(404);
    }

    @Test
    void aSuccessStatusWithABodyStandsInForTheRoute() {
        fault("{\"path\": \"/api/me\", \"status\": 200, \"body\": {\"account_id\": \"fake\"}}");
        http().get("/api/me").then().statusCode(200).body("account_id", equalTo("fake"));
        fault("{\"path\": \"/api/oauth/token/accessible-resources\", \"status\": 204}");
        assertEquals("", http().get("/api/oauth/token/accessible-resources").then().statusCode(204).extract().asString());
    }

    @Test
    void theMethodFilterLeavesOtherMethodsAlone() {
        fault("{\"method\": \"post\", \"path\": \"/auth/oauth/token\", \"status\": 502}");
        http().post("/auth/oauth/token").then().statusCode(502);
        int unfaulted = http().get("/auth/oauth/token").statusCode();
        assertTrue(unfaulted != 502, "GET is not faulted");
        http().get("/__admin/faults").then().body("faults[0].method", equalTo("POST")).body("faults[0].hits", equalTo(1));
    }

    @Test
    void aRuleWithTimesIsSpentAfterThatManyRequests() {
        String id = fault("{\"path\": \"/api/me\", \"status\": 500, \"times\": 2}");
        http().get("/api/me").then().statusCode(500);
        http().get("/api/me").then().statusCode(500);
        http().get("/api/me").then().statusCode(401);
        http().get("/__admin/faults/" + id).then().statusCode(200)
                .body("remaining", equalTo(0)).body("hits", equalTo(2)).body("times", equalTo(2));
    }

    @Test
    void theFirstMatchingRuleApplies() {
        fault("[{\"path\": \"/api/me\", \"status\": 500, \"times\": 1}, {\"path\": \"/api/**\", \"status\": 503}]");
        http().get("/api/me").then().statusCode(500);
        http().get("/api/me").then().statusCode(503);
        http().get("/api/oauth/token/accessible-resources").then().statusCode(503);
    }

    @Test
    void aDelayHoldsTheRequestThenLetsTheRouteAnswer() {
        String id = fault("{\"path\": \"/api/me\", \"delayMs\": 300}");
        long started = System.nanoTime();
        http().get("/api/me").then().statusCode(401).body("code", equalTo(401));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs >= 300, "took " + tookMs + " ms");
        JournalEntry entry = lastJournaled("/api/me");
        assertTrue(entry.durationMs() >= 300, "journaled " + entry.durationMs() + " ms");
        assertEquals(id, entry.fault());
        assertEquals(401, entry.status());
    }

    @Test
    void aDelayCanPrecedeAFaultStatus() {
        fault("{\"path\": \"/api/me\", \"delayMs\": 200, \"status\": 504, \"body\": {\"slow\": true}}");
        http().get("/api/me").then().statusCode(504).body("slow", equalTo(true));
        assertTrue(lastJournaled("/api/me").durationMs() >= 200);
    }

    @Test
    void faultedResponsesAreJournaledWithTheFaultId() {
        String id = fault("{\"path\": \"/api/me\", \"status\": 503, \"times\": 1}");
        http().get("/api/me").then().statusCode(503);
        http().get("/api/me").then().statusCode(401);
        List<JournalEntry> seen = sim.control().journal().stream().filter(e -> e.path().equals("/api/me")).toList();
        assertEquals(List.of(503, 401), seen.stream().map(JournalEntry::status).toList());
        assertEquals(id, seen.get(0).fault());
        assertNull(seen.get(1).fault());
        http().get("/__admin/journal").then().body("requests[0].fault", equalTo(id)).body("requests[1].fault", nullValue());
    }

    @Test
    void theControlApiIsNeverFaulted() {
        fault("{\"path\": \"/**\", \"status\": 500}");
        http().get("/").then().statusCode(500);
        http().get("/__admin/faults").then().statusCode(200);
        http().delete("/__admin/faults").then().statusCode(204);
        http().get("/").then().statusCode(200);
    }

    @Test
    void theJavaApiInstallsTheSameRules() {
        Fault added = sim.control().addFault(FaultRule.on("/api/me").method("GET").status(503).header("Retry-After", "3").times(1).build());
        assertEquals("fault-1", added.id());
        Response r = http().get("/api/me");
        assertEquals(503, r.statusCode());
        assertEquals("3", r.header("Retry-After"));
        assertEquals(0, sim.control().faults().get(0).remaining());
        assertTrue(sim.control().removeFault(added.id()));
        assertTrue(sim.control().faults().isEmpty());
    }

    @Test
    void resetClearsFaults() {
        fault("{\"path\": \"/api/me\", \"status\": 500}");
        sim.control().reset();
        http().get("/api/me").then().statusCode(401);
        assertEquals(Map.of("faults", List.of()), http().get("/__admin/faults").then().extract().as(Map.class));
    }
}
