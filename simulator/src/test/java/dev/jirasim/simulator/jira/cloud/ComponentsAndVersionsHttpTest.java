package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A project's components and versions: listed, looked up, carried by issues, written by create, edit and update. */
@ExtendWith(SimulatorExtension.class)
class ComponentsAndVersionsHttpTest {

    @Test
    void listedOnTheProjectAndByThemselves(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/project/ACME/components").then().statusCode(200)
                .body("name", contains("Backend", "Frontend", "API")).body("[0].lead.displayName", equalTo("Alice Adams"))
                .body("[0].project", equalTo("ACME")).body("[0].projectId", equalTo(10000));
        alice.acme(3).get("/project/ACME/versions").then().statusCode(200)
                .body("name", contains("1.0", "1.1", "2.0")).body("[0].released", equalTo(true)).body("[0].releaseDate", equalTo("2025-12-01"))
                .body("[2].released", equalTo(false));
        alice.acme(3).get("/project/OPS/components").then().statusCode(200).body("$", empty());
        alice.acme(3).get("/component/10102").then().statusCode(200).body("name", equalTo("API"));
        alice.acme(3).get("/version/10201").then().statusCode(200).body("name", equalTo("1.1"));
        alice.acme(3).get("/component/99").then().statusCode(404);
        alice.acme(3).get("/version/99").then().statusCode(404);
        alice.acme(3).get("/project/ACME").then().statusCode(200).body("components.name", hasItem("API"))
                .body("versions.name", hasItem("2.0")).body("description", startsWith("The Acme web platform"));
    }

    @Test
    void issuesCarryThemAndWritesAcceptThemByIdOrName(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String key = alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "ACME"),
                "summary", "parts", "issuetype", Map.of("name", "Task"), "components", List.of(Map.of("name", "backend"), Map.of("id", "10102")),
                "fixVersions", List.of(Map.of("name", "1.1"))))).post("/issue").then().statusCode(201).extract().path("key");
        alice.acme(3).queryParam("fields", "components,fixVersions").get("/issue/" + key).then().statusCode(200)
                .body("fields.components.name", contains("Backend", "API")).body("fields.fixVersions.id", contains("10201"));
        alice.acme(3).contentType("application/json")
                .body(Map.of("update", Map.of("components", List.of(Map.of("remove", Map.of("id", "10100")), Map.of("add", Map.of("name", "Frontend"))))))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).queryParam("fields", "components").get("/issue/" + key).then().body("fields.components.name", contains("API", "Frontend"));
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("fixVersions", List.of())))
                .put("/issue/" + key).then().statusCode(204);
        alice.acme(3).queryParam("fields", "fixVersions").get("/issue/" + key).then().body("fields.fixVersions", empty());
        // A component of another project, or none at all, is a field error; nothing changes.
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("components", List.of(Map.of("name", "Nope")))))
                .put("/issue/" + key).then().statusCode(400)
                .body("errors.components", equalTo("Component with name 'Nope' does not exist in project ACME."));
        alice.acme(3).queryParam("fields", "components").get("/issue/" + key).then().body("fields.components.name", contains("API", "Frontend"));
    }

    @Test
    void jqlSelectsByComponentAndFixVersion(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        var withApi = alice.acme(3).queryParam("jql", "component = api order by key").queryParam("fields", "components").queryParam("maxResults", 100)
                .get("/search/jql").then().statusCode(200).extract().jsonPath();
        List<List<String>> names = withApi.getList("issues.fields.components.name");
        assertTrue(!names.isEmpty() && names.stream().allMatch(n -> n.contains("API")), names.toString());
        var byId = alice.acme(3).queryParam("jql", "component = 10102 order by key").queryParam("maxResults", 100).get("/search/jql")
                .jsonPath().getList("issues.id");
        assertEquals(withApi.getList("issues.id"), byId);
        int none = alice.acme(3).contentType("application/json").body(Map.of("jql", "project = ACME and component is EMPTY"))
                .post("/search/approximate-count").then().statusCode(200).extract().path("count");
        int some = alice.acme(3).contentType("application/json").body(Map.of("jql", "project = ACME and component is not EMPTY"))
                .post("/search/approximate-count").then().statusCode(200).extract().path("count");
        assertEquals(60, none + some);
        alice.acme(3).queryParam("jql", "fixVersion in (\"1.1\", 2.0) order by key").queryParam("fields", "fixVersions").get("/search/jql")
                .then().statusCode(200).body("issues.fields.fixVersions.flatten().name", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.oneOf("1.1", "2.0")));
        alice.acme(3).queryParam("jql", "component = Nope").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", equalTo("The value 'Nope' does not exist for the field 'component'."));
    }

    @Test
    void theWorldChecksWhatIssuesName(JirasimServer sim) {
        WorldFile w = sim.control().exportWorld();
        assertTrue(w.projects().get(0).components().size() == 3);
        var issue = w.issues().stream().filter(i -> i.project().equals("OPS")).findFirst().orElseThrow();
        var bad = new dev.jirasim.simulator.world.Issue(issue.id(), issue.key(), issue.site(), issue.project(), issue.summary(), issue.description(),
                issue.issueType(), issue.status(), issue.priority(), issue.assignee(), issue.reporter(), issue.creator(), issue.labels(),
                issue.created(), issue.updated(), issue.resolved(), issue.resolution(), issue.duedate(), issue.parent(), issue.comments(),
                List.of("Backend"), List.of(), issue.customFields());
        var issues = new java.util.ArrayList<>(w.issues());
        issues.set(issues.indexOf(issue), bad);
        var broken = new WorldFile(w.version(), w.auth(), w.jira(), w.sites(), w.users(), w.apps(), w.consent(), w.projects(), null, issues,
                w.tokens(), w.nango(), w.dataCenter());
        var e = assertThrows(WorldException.class, () -> sim.control().replaceWorld(broken));
        assertEquals("issue " + issue.key() + " names unknown component Backend", e.getMessage());
    }
}
