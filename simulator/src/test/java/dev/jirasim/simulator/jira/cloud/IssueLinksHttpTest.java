package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.ChangeGroup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue links hold on both issues with one id, read "ACME-1 blocks ACME-2" from the request's inwardIssue, show in
 * the {@code issuelinks} field and the changelog of both, and go from both when deleted. Remote links too.
 */
@ExtendWith(SimulatorExtension.class)
class IssueLinksHttpTest {
    private static Map<String, Object> link(String type, String inward, String outward) {
        return Map.of("type", Map.of("name", type), "inwardIssue", Map.of("key", inward), "outwardIssue", Map.of("key", outward));
    }

    @Test
    void linkTypesAreJirasDefaults(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issueLinkType").then().statusCode(200)
                .body("issueLinkTypes.name", contains("Blocks", "Cloners", "Duplicate", "Relates"))
                .body("issueLinkTypes.id", contains("10000", "10001", "10002", "10003"))
                .body("issueLinkTypes[0].inward", equalTo("is blocked by")).body("issueLinkTypes[0].outward", equalTo("blocks"));
        alice.acme(2).get("/issueLinkType/10003").then().statusCode(200).body("name", equalTo("Relates")).body("inward", equalTo("relates to"));
        alice.acme(3).get("/issueLinkType/99").then().statusCode(404).body("errorMessages[0]", equalTo("No issue link type with id '99' found."));
    }

    @Test
    void aLinkShowsOnBothIssuesAndInBothChangelogs(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(link("Blocks", "ACME-1", "ACME-2")).post("/issueLink").then().statusCode(200);
        String id = alice.acme(3).get("/issue/ACME-1?fields=issuelinks").then().statusCode(200)
                .body("fields.issuelinks", hasSize(1)).body("fields.issuelinks[0].type.name", equalTo("Blocks"))
                .body("fields.issuelinks[0].outwardIssue.key", equalTo("ACME-2"))
                .body("fields.issuelinks[0].outwardIssue.fields.status.name", notNullValue())
                .body("fields.issuelinks[0].inwardIssue", nullValue()).extract().path("fields.issuelinks[0].id");
        alice.acme(2).get("/issue/ACME-2?fields=issuelinks").then().body("fields.issuelinks[0].id", equalTo(id))
                .body("fields.issuelinks[0].inwardIssue.key", equalTo("ACME-1"));
        alice.acme(3).get("/issueLink/" + id).then().statusCode(200).body("inwardIssue.key", equalTo("ACME-1"))
                .body("outwardIssue.key", equalTo("ACME-2")).body("type.id", equalTo("10000"));
        // The changelog items Jira writes for a link: field Link, no fieldId, the other key and "This issue blocks …".
        assertEquals(new ChangeGroup.Item("Link", "jira", null, null, null, "ACME-2", "This issue blocks ACME-2"), lastItem(sim, "ACME-1"));
        assertEquals(new ChangeGroup.Item("Link", "jira", null, null, null, "ACME-1", "This issue is blocked by ACME-1"), lastItem(sim, "ACME-2"));
        // Linking the same pair again changes nothing.
        alice.acme(3).contentType("application/json").body(link("blocks", "ACME-1", "ACME-2")).post("/issueLink").then().statusCode(200);
        alice.acme(3).get("/issue/ACME-1?fields=issuelinks").then().body("fields.issuelinks", hasSize(1));
        alice.acme(3).delete("/issueLink/" + id).then().statusCode(204);
        alice.acme(3).get("/issue/ACME-1?fields=issuelinks").then().body("fields.issuelinks", empty());
        alice.acme(3).get("/issue/ACME-2?fields=issuelinks").then().body("fields.issuelinks", empty());
        alice.acme(3).get("/issueLink/" + id).then().statusCode(404);
        assertEquals(new ChangeGroup.Item("Link", "jira", null, "ACME-2", "This issue blocks ACME-2", null, null), lastItem(sim, "ACME-1"));
    }

    static ChangeGroup.Item lastItem(JirasimServer sim, String key) {
        var log = sim.defaultTenant().world().jira().issue("acme", key).orElseThrow().changelog();
        var items = log.get(log.size() - 1).items();
        return items.get(items.size() - 1);
    }

    @Test
    void badLinksGetJirasAnswers(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(link("Nope", "ACME-1", "ACME-2")).post("/issueLink").then().statusCode(404)
                .body("errorMessages[0]", equalTo("No issue link type with name 'Nope' found."));
        alice.acme(3).contentType("application/json").body(link("Blocks", "ACME-1", "ACME-999999")).post("/issueLink").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue Does Not Exist"));
        alice.acme(3).contentType("application/json").body(Map.of("type", Map.of("name", "Blocks"))).post("/issueLink").then().statusCode(400);
        // bob may not browse SEC: its issues do not exist for him; he may only browse OPS, so he cannot link to it.
        Jira bob = Jira.bob(sim);
        bob.acme(3).contentType("application/json").body(link("Relates", "ACME-1", "SEC-1")).post("/issueLink").then().statusCode(404);
        bob.acme(3).contentType("application/json").body(link("Relates", "ACME-1", "OPS-1")).post("/issueLink").then().statusCode(403);
        bob.acme(3).contentType("application/json").body(link("Relates", "OPS-1", "ACME-1")).post("/issueLink").then().statusCode(200);
    }

    @Test
    void aLinkToAnIssueTheCallerCannotSeeIsLeftOut(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(link("Relates", "ACME-1", "SEC-1")).post("/issueLink").then().statusCode(200);
        alice.acme(3).get("/issue/ACME-1?fields=issuelinks").then().body("fields.issuelinks.outwardIssue.key", hasItem("SEC-1"));
        Jira.bob(sim).acme(3).get("/issue/ACME-1?fields=issuelinks").then().statusCode(200)
                .body("fields.issuelinks.outwardIssue.key", not(hasItem("SEC-1")));
    }

    @Test
    void remoteLinksAreCreatedUpdatedByGlobalIdAndDeleted(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        var body = Map.of("globalId", "system=https://ci.example/builds&id=7", "relationship", "built by",
                "application", Map.of("type", "com.example.ci", "name", "CI"),
                "object", Map.of("url", "https://ci.example/builds/7", "title", "Build 7", "summary", "green",
                        "status", Map.of("resolved", true)));
        int id = alice.acme(3).contentType("application/json").body(body).post("/issue/ACME-1/remotelink").then().statusCode(201)
                .extract().path("id");
        alice.acme(3).contentType("application/json").body(Map.of("globalId", "system=https://ci.example/builds&id=7",
                "object", Map.of("url", "https://ci.example/builds/7", "title", "Build 7 (rerun)"))).post("/issue/ACME-1/remotelink")
                .then().statusCode(200).body("id", equalTo(id));
        alice.acme(3).get("/issue/ACME-1/remotelink").then().statusCode(200).body("", hasSize(1))
                .body("[0].object.title", equalTo("Build 7 (rerun)")).body("[0].id", equalTo(id));
        alice.acme(3).queryParam("globalId", "system=https://ci.example/builds&id=7").get("/issue/ACME-1/remotelink").then()
                .statusCode(200).body("id", equalTo(id));
        alice.acme(3).get("/issue/ACME-2/remotelink/" + id).then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("object", Map.of("url", "https://x"))).post("/issue/ACME-1/remotelink")
                .then().statusCode(400).body("errors.title", equalTo("'title' is required."));
        alice.acme(3).contentType("application/json").body(Map.of("object", Map.of("url", "https://y", "title", "Y")))
                .put("/issue/ACME-1/remotelink/" + id).then().statusCode(204);
        alice.acme(3).get("/issue/ACME-1/remotelink/" + id).then().statusCode(200).body("object.url", equalTo("https://y"));
        alice.acme(3).delete("/issue/ACME-1/remotelink/" + id).then().statusCode(204);
        alice.acme(3).get("/issue/ACME-1/remotelink").then().body("", empty());
        int other = alice.acme(3).contentType("application/json").body(body).post("/issue/ACME-1/remotelink").then().statusCode(201).extract().path("id");
        alice.acme(3).queryParam("globalId", "system=https://ci.example/builds&id=7").delete("/issue/ACME-1/remotelink").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-1/remotelink/" + other).then().statusCode(404);
        alice.acme(3).delete("/issue/ACME-1/remotelink").then().statusCode(400);
    }
}
