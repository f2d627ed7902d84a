package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each project has its own issue types and gives each type a workflow; transitions follow it. In the default
 * world ACME's bugs must pass review, SEC has no stories, and MKT (team-managed) has issue types of its own.
 */
@ExtendWith(SimulatorExtension.class)
class WorkflowsHttpTest {
    private static Map<String, Object> transition(String id) {
        return Map.of("transition", Map.of("id", id));
    }

    private static Map<String, Object> newIssue(String project, Map<String, String> type) {
        return Map.of("fields", Map.of("project", Map.of("key", project), "summary", "from a test", "issuetype", type));
    }

    @Test
    void aBugWalksItsWorkflowStepByStep(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        // ACME-3 is a bug in To Do: only "Start progress" leaves from there.
        alice.acme(3).get("/issue/ACME-3/transitions").then().statusCode(200)
                .body("transitions.id", contains("11")).body("transitions[0].name", equalTo("Start progress"))
                .body("transitions[0].to.name", equalTo("In Progress")).body("transitions[0].isGlobal", equalTo(false));
        alice.acme(3).contentType("application/json").body(transition("51")).post("/issue/ACME-3/transitions").then().statusCode(400)
                .body("errorMessages[0]", equalTo("Transition id '51' is not valid for this issue."));
        alice.acme(3).get("/issue/ACME-3").then().body("fields.status.name", equalTo("To Do"));
        for (String step : List.of("11", "31", "51")) {
            alice.acme(3).contentType("application/json").body(transition(step)).post("/issue/ACME-3/transitions").then().statusCode(204);
        }
        alice.acme(3).get("/issue/ACME-3").then().body("fields.status.name", equalTo("Done")).body("fields.resolution.name", equalTo("Done"));
        alice.acme(3).get("/issue/ACME-3/transitions").then().body("transitions.name", contains("Reopen"));
        alice.acme(3).contentType("application/json").body(transition("61")).post("/issue/ACME-3/transitions").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-3").then().body("fields.status.name", equalTo("To Do")).body("fields.resolution", nullValue())
                .body("fields.resolutiondate", nullValue());
        // expand=transitions on the issue says the same as the transitions resource.
        alice.acme(3).queryParam("expand", "transitions").get("/issue/ACME-3").then().body("transitions.id", contains("11"));
    }

    @Test
    void aTaskUsesTheSimplifiedWorkflowWhereEveryStatusIsOneStepAway(JirasimServer sim) {
        Jira.alice(sim).acme(3).get("/issue/ACME-5/transitions").then().statusCode(200)
                .body("transitions.to.name", contains("In Progress", "In Review", "Done")).body("transitions.isGlobal", everyItem(equalTo(true)));
    }

    @Test
    void projectStatusesFollowEachTypesWorkflow(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/project/ACME/statuses").then().statusCode(200)
                .body("find { it.name == 'Bug' }.statuses.name", contains("To Do", "In Progress", "In Review", "Done"));
        alice.acme(3).get("/project/SEC/statuses").then().statusCode(200).body("name", contains("Task", "Bug", "Epic", "Subtask"));
    }

    @Test
    void aProjectOffersOnlyTheTypesOfItsScheme(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/project/SEC").then().statusCode(200).body("issueTypes.name", contains("Task", "Bug", "Epic", "Subtask"));
        alice.acme(3).get("/issue/createmeta/SEC/issuetypes").then().statusCode(200).body("issueTypes.name", not(hasItem("Story")));
        alice.acme(3).get("/issue/createmeta/SEC/issuetypes/10003").then().statusCode(400);
        alice.acme(3).queryParam("projectKeys", "SEC").get("/issue/createmeta").then().statusCode(200)
                .body("projects[0].issuetypes.name", not(hasItem("Story")));
        alice.acme(3).contentType("application/json").body(newIssue("SEC", Map.of("name", "Story"))).post("/issue").then().statusCode(400)
                .body("errors.issuetype", equalTo("The issue type selected is invalid."));
        // Changing a task to a story by editing it is refused the same way.
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("issuetype", Map.of("name", "Story"))))
                .put("/issue/SEC-1").then().statusCode(400).body("errors.issuetype", equalTo("The issue type selected is invalid."));
        alice.acme(3).get("/issue/SEC-1/editmeta").then().statusCode(200).body("fields.issuetype.allowedValues.name", not(hasItem("Story")));
    }

    @Test
    void aTeamManagedProjectHasIssueTypesOfItsOwn(JirasimServer sim) {
        Jira carol = Jira.as(sim, "carol@globex.test", List.of("globex"), "read:jira-work write:jira-work");
        var mkt = carol.on(OAuth.GLOBEX, 3).get("/project/MKT").then().statusCode(200)
                .body("issueTypes.scope.type", everyItem(equalTo("PROJECT"))).body("issueTypes.scope.project.id", everyItem(equalTo("10004")))
                .extract().jsonPath();
        String mktTask = mkt.getString("issueTypes.find { it.name == 'Task' }.id");
        assertNotEquals("10001", mktTask, "MKT's Task is its own type, not the site's");
        // GLX (company-managed) uses the site's Task.
        carol.on(OAuth.GLOBEX, 3).get("/project/GLX").then().body("issueTypes.find { it.name == 'Task' }.id", equalTo("10001"))
                .body("issueTypes.find { it.name == 'Task' }.scope", nullValue());
        // Its issues carry its types; the site's Task id is not one of them.
        carol.on(OAuth.GLOBEX, 3).queryParam("jql", "project = MKT AND issuetype = Task").queryParam("fields", "issuetype")
                .get("/search/jql").then().statusCode(200).body("issues.fields.issuetype.id", everyItem(equalTo(mktTask)));
        carol.on(OAuth.GLOBEX, 3).contentType("application/json").body(newIssue("MKT", Map.of("id", "10001"))).post("/issue")
                .then().statusCode(400).body("errors.issuetype", equalTo("The issue type selected is invalid."));
        String key = carol.on(OAuth.GLOBEX, 3).contentType("application/json").body(newIssue("MKT", Map.of("id", mktTask))).post("/issue")
                .then().statusCode(201).extract().path("key");
        carol.on(OAuth.GLOBEX, 3).get("/issue/" + key).then().body("fields.issuetype.id", equalTo(mktTask))
                .body("fields.status.name", equalTo("To Do"));
        // In JQL a name means every project's type of that name; an id only the type with that id.
        int mktTasks = carol.on(OAuth.GLOBEX, 3).queryParam("jql", "project = MKT AND issuetype = Task").queryParam("maxResults", 100)
                .get("/search/jql").then().extract().path("issues.size()");
        carol.on(OAuth.GLOBEX, 3).queryParam("jql", "issuetype = " + mktTask).queryParam("fields", "project").queryParam("maxResults", 100)
                .get("/search/jql").then().statusCode(200).body("issues.size()", equalTo(mktTasks))
                .body("issues.fields.project.key", everyItem(equalTo("MKT")));
        carol.on(OAuth.GLOBEX, 3).queryParam("jql", "issuetype = 10001").queryParam("fields", "project").queryParam("maxResults", 100)
                .get("/search/jql").then().statusCode(200).body("issues.fields.project.key", everyItem(equalTo("GLX")))
                .body("issues.size()", org.hamcrest.Matchers.greaterThan(0));
        carol.on(OAuth.GLOBEX, 3).queryParam("jql", "issuetype in (10001, " + mktTask + ") AND issuetype != Bug").queryParam("fields", "project")
                .queryParam("maxResults", 100).get("/search/jql").then().statusCode(200).body("issues.fields.project.key", hasItem("MKT"))
                .body("issues.fields.project.key", hasItem("GLX"));
        carol.on(OAuth.GLOBEX, 3).queryParam("jql", "issuetype = 99999").get("/search/jql").then().statusCode(400)
                .body("errorMessages[0]", equalTo("The value '99999' does not exist for the field 'issuetype'."));
        // The type resolves like any other, and /issuetype/project lists the project's own.
        carol.on(OAuth.GLOBEX, 3).get("/issuetype/" + mktTask).then().statusCode(200).body("scope.project.id", equalTo("10004"));
        carol.on(OAuth.GLOBEX, 3).queryParam("projectId", "10004").get("/issuetype/project").then().statusCode(200)
                .body("id", hasItem(mktTask)).body("id", not(hasItem("10001")));
    }

    @Test
    void issueTypesAreListedForTheProjectsAUserMayBrowse(JirasimServer sim) {
        // Alice browses GLX (the site's types) and MKT (its own); she administers nothing on globex.
        var alice = Jira.alice(sim).on(OAuth.GLOBEX, 3).get("/issuetype").then().statusCode(200).extract().jsonPath();
        List<String> scoped = alice.getList("findAll { it.scope != null }.scope.project.id");
        assertEquals(5, scoped.size(), "MKT's five types");
        // On acme bob browses ACME and OPS, which use the site's five types.
        Jira.bob(sim).acme(3).get("/issuetype").then().statusCode(200).body("id", contains("10001", "10002", "10003", "10004", "10005"));
    }
}
