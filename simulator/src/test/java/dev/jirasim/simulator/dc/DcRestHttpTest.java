package dev.jirasim.simulator.dc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class DcRestHttpTest {
    static final String JDOE_PAT = "NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE";

    static String token(JirasimServer sim, String user, String scope) {
        return DcOAuthHttpTest.exchange(sim, DcOAuthHttpTest.code(sim, user, scope), DcOAuthHttpTest.VERIFIER).path("access_token");
    }

    static RequestSpecification as(JirasimServer sim, String token) {
        return DcOAuthHttpTest.dc(sim).auth().oauth2(token);
    }

    static Map<String, Object> issue(String project, String summary) {
        return Map.of("fields", Map.of("project", Map.of("key", project), "summary", summary, "issuetype", Map.of("name", "Task"),
                "description", "Plain v2 text"));
    }

    @Test
    void readSearchesButCannotCreateAndWriteCreatesWhereJdoeMayEdit(JirasimServer sim) {
        String read = token(sim, "jdoe", "READ");
        as(sim, read).queryParam("jql", "project = DCP ORDER BY key").get("/rest/api/2/search").then().statusCode(200)
                .header("X-AUSERNAME", "jdoe").body("total", equalTo(30)).body("maxResults", equalTo(50)).body("startAt", equalTo(0))
                .body("issues[0].key", equalTo("DCP-1")).body("issues[0].fields.summary", not(equalTo(null)));
        as(sim, read).contentType("application/json").body(issue("DCP", "not with READ")).post("/rest/api/2/issue").then().statusCode(403)
                .body("errorMessages[0]", startsWith("The OAuth 2.0 token's scope does not allow this operation"));

        String write = token(sim, "jdoe", "WRITE");
        String key = as(sim, write).contentType("application/json").body(issue("DCP", "Filed with WRITE")).post("/rest/api/2/issue")
                .then().statusCode(201).body("self", startsWith(sim.baseUrl() + "/dc/dc1/rest/api/2/issue/")).extract().path("key");
        assertEquals("DCP-31", key);
        as(sim, write).get("/rest/api/latest/issue/" + key).then().statusCode(200).body("fields.description", equalTo("Plain v2 text"))
                .body("fields.reporter.name", equalTo("jdoe")).body("fields.reporter.key", equalTo("JIRAUSER10100"));
        as(sim, write).contentType("application/json").body(issue("DCO", "browse only")).post("/rest/api/2/issue").then().statusCode(400)
                .body("errors.project", equalTo("You do not have permission to create issues in this project."));
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "DCP"), "issuetype",
                Map.of("name", "Task"), "description", Map.of("type", "doc")))).post("/rest/api/2/issue").then().statusCode(400)
                .body("errors.summary", equalTo("You must specify a summary of the issue."))
                .body("errors.description", equalTo("Operation value must be a string"));
    }

    @Test
    void searchesAreCutToWhatJdoeMayBrowseAndPageWithTotals(JirasimServer sim) {
        var keys = new ArrayList<String>();
        int total = -1;
        for (int start = 0; total < 0 || start < total; start += 7) {
            var page = as(sim, JDOE_PAT).queryParam("jql", "project IS NOT EMPTY ORDER BY key").queryParam("startAt", start)
                    .queryParam("maxResults", 7).queryParam("fields", "summary").get("/rest/api/2/search");
            page.then().statusCode(200).body("startAt", equalTo(start));
            total = page.path("total");
            keys.addAll(page.path("issues.key"));
        }
        assertEquals(60, total, "DCP and DCO, not HR");
        assertEquals(60, new HashSet<>(keys).size());
        as(sim, JDOE_PAT).queryParam("jql", "project = HR").get("/rest/api/2/search").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("The value 'HR' does not exist for the field 'project'.")));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/HR-1").then().statusCode(404).body("errorMessages[0]", equalTo("Issue Does Not Exist"));
        as(sim, token(sim, "admin", "ADMIN")).get("/rest/api/2/issue/HR-1").then().statusCode(200);
        as(sim, JDOE_PAT).get("/rest/api/2/project").then().statusCode(200).body("key", equalTo(List.of("DCP", "DCO")));
        as(sim, JDOE_PAT).get("/rest/api/2/project/HR").then().statusCode(404);
        // maxResults above the cap is cut to 1000; paging past the result window is refused.
        as(sim, JDOE_PAT).queryParam("jql", "project = DCO").queryParam("maxResults", 5000).get("/rest/api/2/search").then()
                .statusCode(200).body("maxResults", equalTo(1000)).body("total", equalTo(30));
        as(sim, JDOE_PAT).queryParam("jql", "project = DCO").queryParam("startAt", 9990).queryParam("maxResults", 50)
                .get("/rest/api/2/search").then().statusCode(400).body("errorMessages[0]", startsWith("Search limit exceeded"));
    }

    @Test
    void jqlKnowsDcUsersByNameAndKeyAndPostSearchWorks(JirasimServer sim) {
        List<String> mine = as(sim, JDOE_PAT).queryParam("jql", "assignee = currentUser()").queryParam("maxResults", 100)
                .queryParam("fields", "assignee").get("/rest/api/2/search").then().statusCode(200)
                .body("issues.fields.assignee.name", everyItem(equalTo("jdoe"))).extract().path("issues.key");
        as(sim, JDOE_PAT).queryParam("jql", "assignee = jdoe").queryParam("maxResults", 100).get("/rest/api/2/search").then()
                .body("issues.key", equalTo(mine));
        as(sim, JDOE_PAT).queryParam("jql", "assignee = JIRAUSER10100").queryParam("maxResults", 100).get("/rest/api/2/search").then()
                .body("issues.key", equalTo(mine));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("jql", "project = DCO ORDER BY key DESC", "startAt", 0,
                "maxResults", 3, "fields", List.of("status"))).post("/rest/api/2/search").then().statusCode(200)
                .body("issues.key", equalTo(List.of("DCO-30", "DCO-29", "DCO-28"))).body("issues[0].fields.summary", equalTo(null))
                .body("issues[0].fields.status.name", not(equalTo(null)));
        as(sim, JDOE_PAT).queryParam("jql", "project = = DCO").get("/rest/api/2/search").then().statusCode(400)
                .body("errorMessages[0]", startsWith("Error in the JQL Query:"));
        given().baseUri(sim.baseUrl() + "/dc/dc1").get("/rest/api/2/search").then().statusCode(401).header("X-AUSERNAME", "anonymous");
        as(sim, JDOE_PAT).get("/rest/api/2/project").then().body("key", not(hasItem("HR")));
    }

    @Test
    void issuesAreEditedAndDeletedWithinTheUsersPermissions(JirasimServer sim) {
        String write = token(sim, "jdoe", "WRITE");
        String key = as(sim, write).contentType("application/json").body(issue("DCP", "to be edited")).post("/rest/api/2/issue").path("key");
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("summary", "edited", "labels", List.of("dc"),
                "priority", Map.of("name", "High")))).put("/rest/api/2/issue/" + key).then().statusCode(204);
        as(sim, write).get("/rest/api/2/issue/" + key).then().body("fields.summary", equalTo("edited"))
                .body("fields.labels", equalTo(List.of("dc"))).body("fields.priority.name", equalTo("High"));
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("description", Map.of("type", "doc"), "bogus", 1)))
                .put("/rest/api/2/issue/" + key).then().statusCode(400).body("errors.description", equalTo("Operation value must be a string"))
                .body("errors.bogus", startsWith("Field 'bogus' cannot be set"));
        // The refused edit changed nothing.
        as(sim, write).get("/rest/api/2/issue/" + key).then().body("fields.summary", equalTo("edited"));
        // jdoe may not edit DCO, nor delete in DCP; admin may.
        as(sim, write).contentType("application/json").body(Map.of("fields", Map.of("summary", "x"))).put("/rest/api/2/issue/DCO-1")
                .then().statusCode(403);
        as(sim, write).delete("/rest/api/2/issue/" + key).then().statusCode(403);
        String admin = token(sim, "admin", "WRITE");
        as(sim, admin).delete("/rest/api/2/issue/" + key).then().statusCode(204);
        as(sim, admin).get("/rest/api/2/issue/" + key).then().statusCode(404);
        // READ may not write at all.
        as(sim, token(sim, "admin", "READ")).delete("/rest/api/2/issue/DCP-1").then().statusCode(403);
    }

    @Test
    void validateQueryFalseTurnsMissingValuesIntoWarnings(JirasimServer sim) {
        as(sim, JDOE_PAT).queryParam("jql", "project = HR").queryParam("validateQuery", "false").get("/rest/api/2/search").then()
                .statusCode(200).body("total", equalTo(0))
                .body("warningMessages", equalTo(List.of("The value 'HR' does not exist for the field 'project'.")));
        as(sim, JDOE_PAT).queryParam("jql", "project = = HR").queryParam("validateQuery", "false").get("/rest/api/2/search").then()
                .statusCode(400);
        // Booleans are read as Java reads them: any case of "true" validates, anything else does not.
        as(sim, JDOE_PAT).queryParam("jql", "project = HR").queryParam("validateQuery", "True").get("/rest/api/2/search").then()
                .statusCode(400);
        as(sim, JDOE_PAT).queryParam("jql", "project = HR").queryParam("validateQuery", "FALSE").get("/rest/api/2/search").then()
                .statusCode(200).body("warningMessages", hasSize(1));
        as(sim, JDOE_PAT).queryParam("jql", "project = HR").queryParam("validateQuery", "maybe").get("/rest/api/2/search").then()
                .statusCode(200).body("total", equalTo(0));
    }
}
