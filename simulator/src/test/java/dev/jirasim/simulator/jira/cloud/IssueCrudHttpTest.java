package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class IssueCrudHttpTest {
    private static final Map<String, Object> ADF = Map.of("type", "doc", "version", 1, "content",
            List.of(Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", "Steps: none.")))));

    private static Response create(Jira jira, int version, Object description) {
        return jira.acme(version).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "Created by a test",
                        "issuetype", Map.of("name", "Bug"), "description", description, "labels", List.of("api"))))
                .post("/issue");
    }

    @Test
    void createReadEditAndDeleteInV3WithAdf(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Response created = create(alice, 3, ADF);
        created.then().statusCode(201).body("id", matchesPattern("\\d+")).body("key", startsWith("ACME-"))
                .body("self", startsWith(sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/3/issue/"));
        String key = created.path("key");
        alice.acme(3).get("/issue/" + key.toLowerCase()).then().statusCode(200)
                .body("key", equalTo(key)).body("fields.summary", equalTo("Created by a test"))
                .body("fields.description.type", equalTo("doc")).body("fields.status.name", equalTo("To Do"))
                .body("fields.status.statusCategory.key", equalTo("new")).body("fields.issuetype.name", equalTo("Bug"))
                .body("fields.reporter.accountId", equalTo(OAuth.ALICE_ID)).body("fields.labels", hasItem("api"))
                .body("fields.created", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}"));
        alice.acme(2).get("/issue/" + key).then().statusCode(200).body("fields.description", equalTo("Steps: none."));
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("summary", "Renamed")))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).get("/issue/" + key).then().body("fields.summary", equalTo("Renamed"));
        alice.acme(3).delete("/issue/" + key).then().statusCode(204);
        alice.acme(3).get("/issue/" + key).then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue does not exist or you do not have permission to see it."));
    }

    @Test
    void v3RejectsStringsAndV2RejectsAdfWithJirasMessages(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        create(alice, 3, "plain text").then().statusCode(400).body("errorMessages.size()", equalTo(0))
                .body("errors.description", equalTo("Operation value must be an Atlassian Document (see the Atlassian Document Format)"));
        create(alice, 2, ADF).then().statusCode(400).body("errors.description", equalTo("Operation value must be a string"));
        create(alice, 2, "plain text").then().statusCode(201);
    }

    @Test
    void createNamesEachBadField(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "NOPE"), "issuetype", Map.of("name", "Saga"), "colour", "red")))
                .post("/issue").then().statusCode(400)
                .body("errors.project", equalTo("Specify a valid project ID or key"))
                .body("errors.summary", equalTo("You must specify a summary of the issue."))
                .body("errors.issuetype", equalTo("The issue type selected is invalid."))
                .body("errors.colour", equalTo("Field 'colour' cannot be set. It is not on the appropriate screen, or unknown."));
        alice.acme(3).contentType("application/json").body("{").post("/issue").then().statusCode(400)
                .body("errorMessages[0]", equalTo("Invalid request payload. Refer to the REST API documentation and try again."));
        alice.acme(3).contentType("text/plain").body("x").post("/issue").then().statusCode(415);
    }

    @Test
    void bobCannotSeeSecIssuesButAliceCan(JirasimServer sim) {
        Jira.alice(sim).acme(3).get("/issue/SEC-1").then().statusCode(200);
        Jira bob = Jira.bob(sim);
        bob.acme(3).get("/issue/SEC-1").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue does not exist or you do not have permission to see it."));
        bob.acme(3).delete("/issue/SEC-1").then().statusCode(404);
        bob.acme(3).get("/issue/ACME-1").then().statusCode(200);
        bob.acme(3).delete("/issue/ACME-2").then().statusCode(403);
    }

    @Test
    void commentsAndTransitions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("body", ADF)).post("/issue/ACME-3/comment")
                .then().statusCode(201).body("author.accountId", equalTo(OAuth.ALICE_ID)).body("body.type", equalTo("doc"));
        alice.acme(2).get("/issue/ACME-3/comment").then().statusCode(200).body("comments[-1].body", equalTo("Steps: none."));
        alice.acme(3).contentType("application/json").body(Map.of("body", "")).post("/issue/ACME-3/comment")
                .then().statusCode(400).body("errors.comment", equalTo("Comment body can not be empty!"));
        // ACME-5 is a Task: its workflow is Jira's simplified one, where every status is one step away.
        alice.acme(3).get("/issue/ACME-5/transitions").then().statusCode(200).body("transitions.to.name", hasItem("Done"));
        alice.acme(3).contentType("application/json").body(Map.of("transition", Map.of("id", "41"))).post("/issue/ACME-5/transitions")
                .then().statusCode(204);
        alice.acme(3).get("/issue/ACME-5").then().body("fields.status.name", equalTo("Done"))
                .body("fields.resolution.name", equalTo("Done")).body("fields.resolutiondate", not(nullValue()));
    }

    @Test
    void myselfProjectsAndServerInfo(JirasimServer sim) {
        Jira bob = Jira.bob(sim);
        bob.acme(3).get("/myself").then().statusCode(200).body("emailAddress", equalTo("bob@acme.test"))
                .body("accountType", equalTo("atlassian")).body("key", equalTo("")).body("name", equalTo(""))
                .body("guest", equalTo(false)).header("X-AAccountId", equalTo("5f8a1c2e4b7d9e0011a2b3c5"));
        bob.acme(3).get("/project/search").then().statusCode(200).body("total", equalTo(2))
                .body("values.key", equalTo(List.of("ACME", "OPS")));
        Jira.alice(sim).acme(3).get("/project/search").then().body("values.key", equalTo(List.of("ACME", "OPS", "SEC")));
        bob.acme(3).get("/serverInfo").then().statusCode(200).body("deploymentType", equalTo("Cloud"))
                .body("baseUrl", equalTo("https://acme.atlassian.net"));
    }
}
