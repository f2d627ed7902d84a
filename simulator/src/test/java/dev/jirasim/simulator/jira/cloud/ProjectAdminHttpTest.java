package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Test suites set up and tear down their own projects: create, update and delete, for the people allowed to. */
@ExtendWith(SimulatorExtension.class)
class ProjectAdminHttpTest {
    private static final String ADMIN_SCOPES = "read:jira-work write:jira-work manage:jira-configuration manage:jira-project";

    private static Map<String, Object> newProject(String key, String name) {
        return Map.of("key", key, "name", name, "leadAccountId", OAuth.ALICE_ID, "projectTypeKey", "software",
                "projectTemplateKey", "com.pyxis.greenhopper.jira:gh-simplified-agility-scrum");
    }

    @Test
    void aSiteAdminCreatesAProjectOthersCanUseAndThenDeletesIt(JirasimServer sim) {
        Jira alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES);
        alice.acme(3).contentType("application/json").body(newProject("TEMP", "Temporary")).post("/project").then().statusCode(201)
                .body("key", equalTo("TEMP")).body("id", equalTo(10006)).body("self", startsWith(sim.baseUrl()));
        // A "simplified" template makes a team-managed project, as Jira's do.
        alice.acme(3).get("/project/TEMP").then().statusCode(200).body("name", equalTo("Temporary"))
                .body("style", equalTo("next-gen")).body("simplified", equalTo(true))
                .body("lead.accountId", equalTo(OAuth.ALICE_ID)).body("issueTypes.name", org.hamcrest.Matchers.hasItem("Story"));
        // Every member of the site may work in it; bob creates an issue and finds it.
        Jira bob = Jira.bob(sim);
        String key = bob.acme(3).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "TEMP"), "summary", "first", "issuetype", Map.of("name", "Task"))))
                .post("/issue").then().statusCode(201).extract().path("key");
        assertTrue(key.equals("TEMP-1"), key);
        bob.acme(3).queryParam("jql", "project = TEMP").get("/search/jql").then().statusCode(200).body("issues.id.size()", equalTo(1));
        // Only the site admin deletes; then the project and its issues are gone.
        bob.acme(3).delete("/project/TEMP").then().statusCode(401); // bob's token has no manage:jira-configuration
        Jira.as(sim, "bob@acme.test", List.of("acme"), ADMIN_SCOPES).acme(3).delete("/project/TEMP").then().statusCode(403);
        alice.acme(3).delete("/project/TEMP").then().statusCode(204);
        alice.acme(3).get("/project/TEMP").then().statusCode(404);
        alice.acme(3).get("/issue/" + key).then().statusCode(404);
        alice.acme(3).queryParam("jql", "project = TEMP").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", equalTo("The value 'TEMP' does not exist for the field 'project'."));
    }

    @Test
    void aDeletedProjectWaitsInTheTrashUntilRestoredOrSixtyDaysPass(JirasimServer sim) {
        Jira alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES);
        int opsIssues = alice.acme(3).queryParam("jql", "project = OPS").queryParam("maxResults", 100).get("/search/jql")
                .then().statusCode(200).extract().path("issues.size()");
        alice.acme(3).delete("/project/OPS").then().statusCode(204);
        alice.acme(3).get("/project/OPS").then().statusCode(404);
        alice.acme(3).get("/issue/OPS-1").then().statusCode(404);
        // In the trash: listed with status=deleted, its key still taken.
        alice.acme(3).queryParam("status", "deleted").get("/project/search").then().statusCode(200)
                .body("values.key", org.hamcrest.Matchers.contains("OPS")).body("values[0].deleted", equalTo(true))
                .body("values[0].deletedBy.accountId", equalTo(OAuth.ALICE_ID)).body("values[0].retentionTillDate", org.hamcrest.Matchers.notNullValue());
        alice.acme(3).get("/project/search").then().body("values.key", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("OPS")));
        alice.acme(3).contentType("application/json").body(newProject("OPS", "Another Ops")).post("/project").then().statusCode(400)
                .body("errors.projectKey", equalTo("A project with that project key already exists."));
        // Bob is no site admin, and OPS is company-managed: for him there is nothing to restore.
        Jira.as(sim, "bob@acme.test", List.of("acme"), ADMIN_SCOPES).acme(3).post("/project/OPS/restore").then().statusCode(404);
        alice.acme(3).post("/project/OPS/restore").then().statusCode(200).body("key", equalTo("OPS"));
        alice.acme(3).queryParam("jql", "project = OPS").queryParam("maxResults", 100).get("/search/jql").then().statusCode(200)
                .body("issues.size()", equalTo(opsIssues));
        alice.acme(3).post("/project/OPS/restore").then().statusCode(400);

        // Sixty days later a trashed project is gone for good, and its key is free.
        alice.acme(3).delete("/project/OPS").then().statusCode(204);
        sim.control().advanceClock(java.time.Duration.ofDays(60).plusMinutes(1));
        alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES); // her earlier token expired long ago
        alice.acme(3).queryParam("status", "deleted").get("/project/search").then().body("total", equalTo(0));
        alice.acme(3).post("/project/OPS/restore").then().statusCode(404);
        alice.acme(3).contentType("application/json").body(newProject("OPS", "Another Ops")).post("/project").then().statusCode(201);
    }

    @Test
    void withoutUndoOrAsynchronouslyADeleteIsFinal(JirasimServer sim) {
        Jira alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES);
        alice.acme(3).queryParam("enableUndo", "false").delete("/project/OPS").then().statusCode(204);
        alice.acme(3).queryParam("status", "deleted").get("/project/search").then().body("total", equalTo(0));
        alice.acme(3).post("/project/OPS/restore").then().statusCode(404);
        // The asynchronous delete answers 303 to a task that is already complete.
        String task = alice.acme(3).redirects().follow(false).post("/project/SEC/delete").then().statusCode(303).extract().header("Location");
        assertTrue(task.startsWith(sim.baseUrl()) && task.contains("/rest/api/3/task/"), task);
        alice.acme(3).get(task.substring(task.indexOf("/task/"))).then().statusCode(200).body("status", equalTo("COMPLETE"))
                .body("progress", equalTo(100));
        alice.acme(3).get("/project/SEC").then().statusCode(404);
        alice.acme(3).queryParam("status", "deleted").get("/project/search").then().body("total", equalTo(0));
        Jira.bob(sim).acme(3).get(task.substring(task.indexOf("/task/"))).then().statusCode(404);
        alice.acme(3).queryParam("status", "bogus").get("/project/search").then().statusCode(400);
    }

    @Test
    void theDefaultWorldHasATeamManagedProject(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.on(OAuth.GLOBEX, 3).get("/project/MKT").then().statusCode(200).body("style", equalTo("next-gen")).body("simplified", equalTo(true));
        alice.on(OAuth.GLOBEX, 3).get("/project/GLX").then().statusCode(200).body("style", equalTo("classic")).body("simplified", equalTo(false));
    }

    @Test
    void createRefusesWhatJiraRefuses(JirasimServer sim) {
        Jira alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES);
        alice.acme(3).contentType("application/json").body(newProject("ACME", "Another")).post("/project").then().statusCode(400)
                .body("errors.projectKey", equalTo("A project with that project key already exists."));
        alice.acme(3).contentType("application/json").body(newProject("NEWER", "Acme Platform")).post("/project").then().statusCode(400)
                .body("errors.projectName", equalTo("A project with that name already exists."));
        alice.acme(3).contentType("application/json").body(newProject("lower", "Lower")).post("/project").then().statusCode(400)
                .body("errors.projectKey", startsWith("Project keys must start with an uppercase letter"));
        alice.acme(3).contentType("application/json").body(Map.of("key", "NOLEAD", "name", "No lead")).post("/project").then().statusCode(400)
                .body("errors.projectLead", equalTo("You must specify a valid project lead."));
        alice.acme(3).contentType("application/json").body(Map.of("key", "ODD", "name", "Odd", "leadAccountId", OAuth.ALICE_ID, "colour", "red"))
                .post("/project").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("key", "SCH", "name", "Schemes", "leadAccountId", OAuth.ALICE_ID,
                "permissionScheme", 10000)).post("/project").then().statusCode(501);
        // Not a site admin: 403; no manage:jira-configuration: the gateway's 401.
        Jira.as(sim, "bob@acme.test", List.of("acme"), ADMIN_SCOPES).acme(3).contentType("application/json")
                .body(newProject("BOBS", "Bob's")).post("/project").then().statusCode(403);
        sim.control().reset();
        Jira.alice(sim).acme(3).contentType("application/json").body(newProject("NOPE", "Nope")).post("/project").then().statusCode(401);
        Jira.alice(sim).acme(3).get("/project/NOPE").then().statusCode(404);
    }

    @Test
    void theProjectAdministratorRenamesIt(JirasimServer sim) {
        Jira alice = Jira.as(sim, OAuth.ALICE, List.of("acme"), ADMIN_SCOPES);
        alice.acme(3).contentType("application/json").body(Map.of("name", "Acme Web", "description", "Renamed")).put("/project/ACME")
                .then().statusCode(200).body("name", equalTo("Acme Web")).body("description", equalTo("Renamed"));
        alice.acme(3).contentType("application/json").body(Map.of("name", "Acme Operations")).put("/project/ACME").then().statusCode(400)
                .body("errors.projectName", equalTo("A project with that name already exists."));
        alice.acme(3).contentType("application/json").body(Map.of("avatarId", 10200)).put("/project/ACME").then().statusCode(501);
        // Every project here leaves issues unassigned: the lead as default assignee is not simulated, and says so.
        alice.acme(3).contentType("application/json").body(Map.of("assigneeType", "PROJECT_LEAD")).put("/project/ACME").then().statusCode(501);
        alice.acme(3).contentType("application/json").body(Map.of("assigneeType", "SOMEONE")).put("/project/ACME").then().statusCode(400);
        Jira.as(sim, "bob@acme.test", List.of("acme"), ADMIN_SCOPES).acme(3).contentType("application/json").body(Map.of("name", "Mine"))
                .put("/project/ACME").then().statusCode(403);
        alice.acme(3).get("/project/ACME").then().body("name", equalTo("Acme Web"));
    }
}
