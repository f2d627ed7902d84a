package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.JiraSettings;
import dev.jirasim.simulator.world.WorldFile;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class SearchHttpTest {

    private static Set<String> projectsOf(Jira jira, String jql) {
        Set<String> projects = new HashSet<>();
        String token = null;
        do {
            var spec = jira.acme(3).queryParam("jql", jql).queryParam("fields", "project").queryParam("maxResults", 100);
            if (token != null) spec = spec.queryParam("nextPageToken", token);
            Response page = spec.get("/search/jql");
            page.then().statusCode(200);
            projects.addAll(page.jsonPath().getList("issues.fields.project.key"));
            token = page.path("nextPageToken");
        } while (token != null);
        return projects;
    }

    @Test
    void aliceSeesEveryProjectSheMayBrowseAndBobNeverSeesSec(JirasimServer sim) {
        String everything = "created >= \"2000-01-01\" ORDER BY key";
        assertEquals(Set.of("ACME", "OPS", "SEC"), projectsOf(Jira.alice(sim), everything));
        assertEquals(Set.of("ACME", "OPS"), projectsOf(Jira.bob(sim), everything));
    }

    @Test
    void aProjectTheUserCannotSeeIsAValueThatDoesNotExist(JirasimServer sim) {
        Jira.bob(sim).acme(3).queryParam("jql", "project = SEC").get("/search/jql").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("The value 'SEC' does not exist for the field 'project'.")))
                .body("errors.size()", equalTo(0));
        Jira.alice(sim).acme(3).queryParam("jql", "project = SEC").get("/search/jql").then().statusCode(200);
    }

    @Test
    void defaultFieldsAreIdsOnlyAndPagesAreForwardOnlyWithoutTotals(JirasimServer sim) {
        Response first = Jira.alice(sim).acme(3).queryParam("jql", "project = ACME ORDER BY key").queryParam("maxResults", 10).get("/search/jql");
        first.then().statusCode(200).body("issues.size()", equalTo(10)).body("issues[0].key", equalTo("ACME-1"))
                .body("issues[0].fields", nullValue()).body("total", nullValue()).body("startAt", nullValue())
                .body("isLast", equalTo(false)).body("nextPageToken", not(nullValue()));
    }

    @Test
    void pagesConcatenateToTheFullResultWithoutDuplicates(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String jql = "project in (ACME, OPS) AND status != Done ORDER BY created DESC";
        List<String> all = alice.acme(3).queryParam("jql", jql).queryParam("maxResults", 5000).get("/search/jql").jsonPath().getList("issues.key");
        for (int size : new int[] {1, 7, 50}) {
            var keys = new java.util.ArrayList<String>();
            String token = null;
            do {
                var spec = alice.acme(3).contentType("application/json");
                Map<String, Object> body = token == null ? Map.of("jql", jql, "maxResults", size) : Map.of("jql", jql, "maxResults", size, "nextPageToken", token);
                Response page = spec.body(body).post("/search/jql");
                page.then().statusCode(200);
                keys.addAll(page.jsonPath().getList("issues.key"));
                token = page.path("nextPageToken");
            } while (token != null);
            assertEquals(all, keys, "pages of " + size);
            assertEquals(keys.size(), new HashSet<>(keys).size());
        }
        assertTrue(all.size() > 20);
    }

    @Test
    void badRequestsAreRefusedInTheMeasuredOrder(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("jql", "order by created").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", equalTo("Unbounded JQL queries are not allowed here. Please add a search restriction to your query."));
        alice.acme(3).get("/search/jql").then().statusCode(400);
        for (int bad : new int[] {0, -1, 5001}) {
            alice.acme(3).queryParam("jql", "project = ACME").queryParam("maxResults", bad).get("/search/jql").then().statusCode(400)
                    .body("errorMessages[0]", startsWith("The maxResults parameter must be between 1 and 5000"));
        }
        alice.acme(3).queryParam("jql", "project = ACME").queryParam("nextPageToken", "BOGUS").get("/search/jql").then().statusCode(400);
        alice.acme(3).queryParam("jql", "project = ACME").queryParam("nextPageToken", "").get("/search/jql").then().statusCode(200);
        // a bad token wins over a bad maxResults, which wins over an unbounded query
        alice.acme(3).queryParam("jql", "order by key").queryParam("maxResults", 0).queryParam("nextPageToken", "BOGUS").get("/search/jql")
                .then().statusCode(400).body("errorMessages[0]", startsWith("The provided next page token"));
        alice.acme(3).contentType("application/json").body(Map.of("jql", "project = ACME", "colour", "red")).post("/search/jql").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("jql", List.of("project = ACME"))).post("/search/jql").then().statusCode(400);
        alice.acme(3).contentType("application/json").body("{}").queryParam("jql", "project = ACME").post("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", startsWith("Unbounded JQL"));
        alice.acme(3).queryParam("jql", "project = ACME AND summary query ~ x").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", startsWith("Error in the JQL Query: Expecting operator but got"));
    }

    @Test
    void fieldsAndExpandShapeTheIssues(JirasimServer sim) {
        Jira.alice(sim).acme(3).queryParam("jql", "key = ACME-1").queryParam("fields", "summary,status").queryParam("expand", "names")
                .get("/search/jql").then().statusCode(200)
                .body("issues[0].fields.summary", not(nullValue())).body("issues[0].fields.status.name", not(nullValue()))
                .body("issues[0].fields.assignee", nullValue()).body("names.summary", equalTo("Summary"));
        Jira.alice(sim).acme(2).queryParam("jql", "key = ACME-1").queryParam("fields", "*all").get("/search/jql").then().statusCode(200)
                .body("issues[0].fields.description", org.hamcrest.Matchers.instanceOf(String.class));
    }

    @Test
    void approximateCountCountsWhatTheUserMaySee(JirasimServer sim) {
        int alice = Jira.alice(sim).acme(3).contentType("application/json").body(Map.of("jql", "project in (ACME, OPS)"))
                .post("/search/approximate-count").then().statusCode(200).extract().path("count");
        assertEquals(120, alice);
    }

    @Test
    void theLegacyPagingComesBackWhenTheWorldAsks(JirasimServer sim) {
        WorldFile w = sim.control().exportWorld();
        sim.control().replaceWorld(new WorldFile(w.version(), w.auth(), w.jira().withLegacySearch(JiraSettings.LegacySearch.AVAILABLE).withRateLimit(null),
                w.sites(), w.users(), w.apps(), w.consent(), w.projects(), null, w.issues(), w.tokens()));
        Jira.bob(sim).acme(2).queryParam("jql", "ORDER BY key").queryParam("startAt", 5).queryParam("maxResults", 500).get("/search")
                .then().statusCode(200).body("startAt", equalTo(5)).body("maxResults", equalTo(100)).body("total", equalTo(120))
                .body("issues.fields.project.key", everyItem(not(equalTo("SEC")))).body("issues.fields.summary", hasItem(not(nullValue())));
    }

    @Test
    void aNewIssueIsFoundAtOnce(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String key = alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "OPS"),
                "summary", "Needle in the haystack", "issuetype", Map.of("name", "Task")))).post("/issue").path("key");
        alice.acme(3).queryParam("jql", "summary ~ needle").get("/search/jql").then().statusCode(200).body("issues.key", equalTo(List.of(key)));
        alice.acme(3).delete("/issue/" + key).then().statusCode(204);
        alice.acme(3).queryParam("jql", "summary ~ needle").get("/search/jql").then().statusCode(200).body("issues.size()", equalTo(0));
    }

    @Test
    void aRepeatedPageFollowsEditsCreatesAndTheClock(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        sim.control().setClock(null, true);
        java.util.function.Function<Jira, Response> request = as -> as.acme(3).queryParam("jql", "project = OPS AND created >= -1d ORDER BY created DESC")
                .queryParam("fields", "summary").queryParam("maxResults", 5).get("/search/jql");
        java.util.function.Supplier<Response> page = () -> request.apply(alice);
        page.get().then().statusCode(200).body("issues.size()", equalTo(0));

        String key = alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "OPS"),
                "summary", "First words", "issuetype", Map.of("name", "Task")))).post("/issue").path("key");
        page.get().then().statusCode(200).body("issues.key", equalTo(List.of(key))).body("issues[0].fields.summary", equalTo("First words"));
        page.get().then().statusCode(200).body("issues[0].fields.summary", equalTo("First words"));

        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("summary", "Second words"))).put("/issue/" + key)
                .then().statusCode(204);
        page.get().then().statusCode(200).body("issues[0].fields.summary", equalTo("Second words"));

        sim.control().advanceClock(java.time.Duration.ofDays(2));
        request.apply(Jira.alice(sim)).then().statusCode(200).body("issues.size()", equalTo(0)); // a new token: the old one expired
    }
}
