package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The site's schema (issue types, priorities, statuses, resolutions, fields, projects) and people, over the gateway. */
@ExtendWith(SimulatorExtension.class)
class SchemaAndPeopleHttpTest {
    private static final String BOB_ID = "5f8a1c2e4b7d9e0011a2b3c5";
    private static final String CAROL_ID = "712020:3c9e1f5a-7b2d-4e6f-8a0c-1d3e5f7a9b2c";

    @Test
    void issueTypesListOneAndPerProject(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issuetype").then().statusCode(200)
                .body("name", contains("Task", "Bug", "Story", "Epic", "Subtask"))
                .body("find { it.name == 'Epic' }.hierarchyLevel", equalTo(1))
                .body("find { it.name == 'Subtask' }.subtask", equalTo(true))
                .body("find { it.name == 'Subtask' }.hierarchyLevel", equalTo(-1))
                .body("[0].iconUrl", startsWith(sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/2/universal_avatar/view/type/issuetype/avatar/"));
        alice.acme(3).get("/issuetype/10004").then().statusCode(200).body("name", equalTo("Epic"))
                .body("self", equalTo(sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/3/issuetype/10004"));
        alice.acme(3).get("/issuetype/99999").then().statusCode(404).body("errorMessages", hasSize(1));
        alice.acme(3).get("/issuetype/abc").then().statusCode(400);
        alice.acme(3).queryParam("projectId", "10000").get("/issuetype/project").then().statusCode(200).body("name", hasItem("Story"));
        alice.acme(3).queryParam("projectId", "10000").queryParam("level", "1").get("/issuetype/project").then().statusCode(200)
                .body("name", contains("Epic"));
        alice.acme(3).get("/issuetype/project").then().statusCode(400);
        // Bob may not browse SEC: for him it does not exist.
        Jira.bob(sim).acme(3).queryParam("projectId", "10002").get("/issuetype/project").then().statusCode(404)
                .body("errorMessages[0]", equalTo("No project could be found with id '10002'."));
    }

    @Test
    void prioritiesStatusesCategoriesResolutions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/priority").then().statusCode(200).body("name", contains("Highest", "High", "Medium", "Low", "Lowest"))
                .body("find { it.isDefault }.name", equalTo("Medium"))
                .body("[0].iconUrl", startsWith("https://acme.atlassian.net/images/icons/priorities/"));
        alice.acme(3).get("/priority/2").then().statusCode(200).body("name", equalTo("High")).body("statusColor", startsWith("#"));
        alice.acme(3).get("/priority/42").then().statusCode(404);
        alice.acme(3).get("/status").then().statusCode(200).body("name", hasItem("In Review"))
                .body("find { it.name == 'Done' }.statusCategory.key", equalTo("done"));
        alice.acme(3).get("/status/in progress").then().statusCode(200).body("id", equalTo("3"));
        alice.acme(3).get("/status/10002").then().statusCode(200).body("name", equalTo("Done"));
        alice.acme(3).get("/status/Nope").then().statusCode(404);
        alice.acme(3).get("/statuscategory").then().statusCode(200).body("key", contains("undefined", "new", "indeterminate", "done"));
        alice.acme(3).get("/statuscategory/done").then().statusCode(200).body("id", equalTo(3)).body("colorName", equalTo("green"));
        alice.acme(3).get("/statuscategory/4").then().statusCode(200).body("key", equalTo("indeterminate"));
        alice.acme(3).get("/resolution").then().statusCode(200).body("name", contains("Done", "Won't Do", "Duplicate"));
        alice.acme(3).get("/resolution/10001").then().statusCode(200).body("name", equalTo("Won't Do"));
    }

    @Test
    void fieldsDescribeWhatIssuesCarry(JirasimServer sim) {
        Jira.alice(sim).acme(3).get("/field").then().statusCode(200)
                .body("id", hasItem("summary")).body("id", hasItem("labels"))
                .body("findAll { !it.custom }.id", hasItem("assignee"))
                .body("find { it.id == 'labels' }.schema.items", equalTo("string"))
                .body("find { it.id == 'assignee' }.schema.type", equalTo("user"))
                .body("find { it.id == 'issuetype' }.clauseNames", hasItem("type"));
    }

    @Test
    void projectsByIdOrKeyOnlyWhereTheCallerMayBrowse(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/project/acme").then().statusCode(200).body("id", equalTo("10000")).body("key", equalTo("ACME"))
                .body("lead.accountId", equalTo(OAuth.ALICE_ID)).body("issueTypes.name", hasItem("Bug"))
                .body("style", equalTo("classic")).body("projectKeys", equalTo(null));
        alice.acme(3).queryParam("expand", "projectKeys").get("/project/10000").then().statusCode(200).body("projectKeys", contains("ACME"));
        alice.acme(3).get("/project/GLX").then().statusCode(404).body("errorMessages[0]", equalTo("No project could be found with key 'GLX'."));
        Jira.bob(sim).acme(3).get("/project/SEC").then().statusCode(404);
        Jira.bob(sim).acme(3).get("/project").then().statusCode(200).body("key", contains("ACME", "OPS"));
        alice.acme(3).get("/project").then().statusCode(200).body("key", contains("ACME", "OPS", "SEC"));
    }

    @Test
    void usersOfTheSiteOnly(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("accountId", BOB_ID).get("/user").then().statusCode(200).body("displayName", equalTo("Bob Brown"))
                .body("accountType", equalTo("atlassian")).body("$", not(hasKey("emailAddress")));
        // Bob's address is private: only his own calls see it; Alice's is visible to anyone.
        Jira.bob(sim).acme(3).queryParam("accountId", BOB_ID).get("/user").then().statusCode(200).body("emailAddress", equalTo("bob@acme.test"));
        Jira.bob(sim).acme(3).queryParam("accountId", OAuth.ALICE_ID).get("/user").then().statusCode(200)
                .body("emailAddress", equalTo(OAuth.ALICE));
        alice.acme(3).queryParam("query", "bob@").get("/user/search").then().statusCode(200).body("accountId", contains(BOB_ID))
                .body("[0]", not(hasKey("emailAddress")));
        alice.acme(3).get("/user").then().statusCode(400)
                .body("errorMessages[0]", equalTo("The 'accountId' query parameter needs to be provided"));
        // Carol is on globex, not acme: on acme she does not exist; on globex she does.
        alice.acme(3).queryParam("accountId", CAROL_ID).get("/user").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Specified user does not exist or you do not have required permissions"));
        alice.on(OAuth.GLOBEX, 3).queryParam("accountId", CAROL_ID).get("/user").then().statusCode(200);
        alice.acme(3).queryParam("accountId", BOB_ID).queryParam("accountId", CAROL_ID).queryParam("accountId", OAuth.ALICE_ID)
                .get("/user/bulk").then().statusCode(200).body("total", equalTo(2)).body("isLast", equalTo(true))
                .body("values.accountId", contains(BOB_ID, OAuth.ALICE_ID));
        alice.acme(3).queryParam("query", "bro").get("/user/search").then().statusCode(200).body("accountId", contains(BOB_ID));
        alice.acme(3).queryParam("query", "alice@").get("/user/search").then().statusCode(200).body("accountId", contains(OAuth.ALICE_ID));
        alice.acme(3).queryParam("query", "carol").get("/user/search").then().statusCode(200).body("$", empty());
        alice.acme(3).queryParam("query", "a").queryParam("accountId", BOB_ID).get("/user/search").then().statusCode(400);
        alice.acme(3).get("/user/search").then().statusCode(400);
        alice.acme(3).get("/users/search").then().statusCode(200).body("accountId", containsInAnyOrder(OAuth.ALICE_ID, BOB_ID));
        alice.acme(3).queryParam("startAt", 1).queryParam("maxResults", 1).get("/users/search").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void assignableUsersFollowProjectPermissions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        // ACME: everyone on the site may edit. SEC: only alice. OPS: nobody may edit.
        alice.acme(3).queryParam("project", "ACME").get("/user/assignable/search").then().statusCode(200)
                .body("accountId", containsInAnyOrder(OAuth.ALICE_ID, BOB_ID));
        alice.acme(3).queryParam("project", "SEC").get("/user/assignable/search").then().statusCode(200)
                .body("accountId", contains(OAuth.ALICE_ID));
        alice.acme(3).queryParam("issueKey", "ACME-1").queryParam("query", "bob").get("/user/assignable/search").then().statusCode(200)
                .body("accountId", contains(BOB_ID));
        alice.acme(3).get("/user/assignable/search").then().statusCode(400);
        Jira.bob(sim).acme(3).queryParam("project", "SEC").get("/user/assignable/search").then().statusCode(404);
    }

    @Test
    void eachReadNeedsItsScope(JirasimServer sim) {
        // A token with read:jira-user only: the schema needs read:jira-work; people need read:jira-user.
        Jira people = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-user");
        for (String path : List.of("/issuetype", "/priority", "/status", "/statuscategory", "/resolution", "/field", "/project/ACME", "/project")) {
            people.acme(3).get(path).then().statusCode(401);
        }
        people.acme(3).queryParam("accountId", BOB_ID).get("/user").then().statusCode(200);
        // A second consent by the same user to the same app widens that one grant, as Atlassian does: start over.
        sim.control().reset();
        Jira work = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work");
        work.acme(3).get("/issuetype").then().statusCode(200);
        for (String path : List.of("/users/search", "/user/search?query=a", "/user?accountId=" + BOB_ID, "/user/assignable/search?project=ACME")) {
            work.acme(3).get(path).then().statusCode(401);
        }
    }

    @Test
    void oneCommentAndTheIssueTypeIcon(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String commentSelf = alice.on(OAuth.ACME, 2).contentType("application/json").body("{\"body\":\"one\"}").post("/issue/ACME-1/comment")
                .then().statusCode(201).extract().path("self");
        String id = commentSelf.substring(commentSelf.lastIndexOf('/') + 1);
        alice.acme(3).get("/issue/ACME-1/comment/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("self", endsWith("/rest/api/3/issue/" + alice.acme(3).get("/issue/ACME-1").path("id") + "/comment/" + id));
        alice.acme(3).get("/issue/ACME-1/comment/999999").then().statusCode(404);
        alice.on(OAuth.ACME, 2).get("/universal_avatar/view/type/issuetype/avatar/10318").then().statusCode(200)
                .contentType("image/svg+xml").body(not(empty()));
    }
}
