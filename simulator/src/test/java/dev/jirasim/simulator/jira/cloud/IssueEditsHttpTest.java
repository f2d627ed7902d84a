package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The smaller writes and reads an integration makes around an edit: assign, my permissions, labels, edit flags. */
@ExtendWith(SimulatorExtension.class)
class IssueEditsHttpTest {
    private static final String BOB_ID = "5f8a1c2e4b7d9e0011a2b3c5";

    @Test
    void assigningAndUnassigning(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("accountId", BOB_ID)).put("/issue/ACME-5/assignee").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-5?fields=assignee").then().body("fields.assignee.accountId", equalTo(BOB_ID));
        alice.acme(3).get("/issue/ACME-5/changelog").then().body("values[-1].items[0].field", equalTo("assignee"))
                .body("values[-1].items[0].to", equalTo(BOB_ID));
        var unassign = new java.util.HashMap<String, Object>();
        unassign.put("accountId", null);
        alice.acme(3).contentType("application/json").body(unassign).put("/issue/ACME-5/assignee").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-5?fields=assignee").then().body("fields.assignee", nullValue());
        alice.acme(3).contentType("application/json").body(Map.of("accountId", "-1")).put("/issue/ACME-5/assignee").then().statusCode(204);
        alice.acme(3).contentType("application/json").body(Map.of()).put("/issue/ACME-5/assignee").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("name", "bob")).put("/issue/ACME-5/assignee").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("accountId", "nobody")).put("/issue/ACME-5/assignee").then().statusCode(400)
                .body("errors.assignee", equalTo("Specify a valid value for assignee"));
        // bob may browse but not edit OPS: assigning there is refused.
        Jira.bob(sim).acme(3).contentType("application/json").body(Map.of("accountId", BOB_ID)).put("/issue/OPS-1/assignee").then().statusCode(403);
    }

    @Test
    void myPermissionsFollowTheProjectsGrants(JirasimServer sim) {
        Jira bob = Jira.bob(sim);
        bob.acme(3).queryParam("projectKey", "ACME").queryParam("permissions", "BROWSE_PROJECTS,EDIT_ISSUES,DELETE_ISSUES,ADMINISTER")
                .get("/mypermissions").then().statusCode(200)
                .body("permissions.BROWSE_PROJECTS.havePermission", equalTo(true))
                .body("permissions.EDIT_ISSUES.havePermission", equalTo(true)).body("permissions.EDIT_ISSUES.id", equalTo("12"))
                .body("permissions.DELETE_ISSUES.havePermission", equalTo(false))
                .body("permissions.ADMINISTER.havePermission", equalTo(false));
        bob.acme(3).queryParam("issueKey", "OPS-1").queryParam("permissions", "EDIT_ISSUES").get("/mypermissions").then().statusCode(200)
                .body("permissions.EDIT_ISSUES.havePermission", equalTo(false));
        // SEC does not exist for bob; an unknown key and a missing list are 400s.
        bob.acme(3).queryParam("projectKey", "SEC").queryParam("permissions", "BROWSE_PROJECTS").get("/mypermissions").then().statusCode(404);
        bob.acme(3).queryParam("permissions", "FLY").get("/mypermissions").then().statusCode(400);
        bob.acme(3).get("/mypermissions").then().statusCode(400);
        Jira.alice(sim).acme(3).queryParam("permissions", "ADMINISTER").get("/mypermissions").then()
                .body("permissions.ADMINISTER.havePermission", equalTo(true));
    }

    @Test
    void labelsAreTheSitesInAlphabeticalOrder(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("labels", List.of(Map.of("add", "zz-synced")))))
                .put("/issue/ACME-5").then().statusCode(204);
        List<String> labels = alice.acme(3).get("/label").then().statusCode(200).body("values", hasItem("zz-synced"))
                .body("isLast", equalTo(true)).extract().path("values");
        var sorted = new ArrayList<>(labels);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, labels);
        alice.acme(3).queryParam("maxResults", 2).get("/label").then().body("values.size()", equalTo(2)).body("isLast", equalTo(false));
    }

    @Test
    void aMultiUserPickerTakesTheOperationsEditmetaOffers(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issue/ACME-5/editmeta").then().body("fields.customfield_10060.operations", org.hamcrest.Matchers.contains("add", "set", "remove"));
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("customfield_10060", List.of()))).put("/issue/ACME-5").then().statusCode(204);
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("customfield_10060", List.of(
                Map.of("add", Map.of("accountId", BOB_ID)), Map.of("add", Map.of("accountId", "5f8a1c2e4b7d9e0011a2b3c4")),
                Map.of("remove", Map.of("accountId", BOB_ID)))))).put("/issue/ACME-5").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-5?fields=customfield_10060").then().body("fields.customfield_10060.accountId",
                org.hamcrest.Matchers.contains("5f8a1c2e4b7d9e0011a2b3c4"));
        alice.acme(3).get("/issue/ACME-5/changelog").then().body("values[-1].items[0].field", equalTo("Reviewers"))
                .body("values[-1].items[0].fieldtype", equalTo("custom")).body("values[-1].items[0].fieldId", equalTo("customfield_10060"));
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("customfield_10060", List.of(Map.of("add", "bob")))))
                .put("/issue/ACME-5").then().statusCode(400);
    }

    @Test
    void renderedFieldsShowRichTextAsHtmlAndDatesAsPeopleReadThem(JirasimServer sim) {
        sim.control().setClock(java.time.Instant.parse("2026-12-01T10:00:00Z"), true);
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("description", Map.of("type", "doc", "version", 1,
                "content", List.of(Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", "Bold move",
                        "marks", List.of(Map.of("type", "strong")))))))))).put("/issue/ACME-5").then().statusCode(204);
        alice.acme(2).contentType("application/json").body(Map.of("body", "Looks good")).post("/issue/ACME-5/comment").then().statusCode(201);
        // Alice's zone is Europe/London: 10:00 UTC on 1 December is 10:00 AM there.
        alice.acme(3).queryParam("expand", "renderedFields").get("/issue/ACME-5").then().statusCode(200)
                .body("renderedFields.description", equalTo("<p><b>Bold move</b></p>"))
                .body("renderedFields.updated", equalTo("01/Dec/26 10:00 AM"))
                .body("renderedFields.comment.comments[-1].body", equalTo("<p>Looks good</p>"))
                .body("renderedFields.labels", nullValue())
                .body("fields.description.type", equalTo("doc"));
        alice.acme(2).queryParam("jql", "key = ACME-5").queryParam("fields", "description,updated").queryParam("expand", "renderedFields")
                .get("/search/jql").then().statusCode(200).body("issues[0].renderedFields.description", equalTo("<p><b>Bold move</b></p>"))
                .body("issues[0].fields.description", equalTo("Bold move"));
    }

    @Test
    void commentsWorklogsAndEstimatesComeAlongWithAnEditOrATransition(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        int before = alice.acme(2).get("/issue/ACME-5/comment").then().extract().path("total");
        alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("summary", "With a note"),
                "update", Map.of("comment", List.of(Map.of("add", Map.of("body", "Renamed while syncing"))),
                        "worklog", List.of(Map.of("add", Map.of("timeSpent", "2h", "started", "2026-11-30T09:00:00.000+0000"))),
                        "timetracking", List.of(Map.of("edit", Map.of("originalEstimate", "1d"))))))
                .put("/issue/ACME-5").then().statusCode(204);
        alice.acme(2).get("/issue/ACME-5?fields=summary,comment,timetracking,worklog").then().body("fields.summary", equalTo("With a note"))
                .body("fields.comment.total", equalTo(before + 1)).body("fields.comment.comments[-1].body", equalTo("Renamed while syncing"))
                .body("fields.timetracking.originalEstimate", equalTo("1d")).body("fields.timetracking.timeSpent", equalTo("2h"))
                .body("fields.worklog.total", equalTo(1));
        // One bad part and nothing changes: not the summary, not the comment.
        alice.acme(2).contentType("application/json").body(Map.of("fields", Map.of("summary", "Never"),
                "update", Map.of("comment", List.of(Map.of("add", Map.of("body", "")))))).put("/issue/ACME-5").then().statusCode(400);
        alice.acme(2).contentType("application/json").body(Map.of("update", Map.of("comment", List.of(Map.of("copy", Map.of("id", "1"))))))
                .put("/issue/ACME-5").then().statusCode(400).body("errors.comment", containsString("'copy'"));
        alice.acme(2).get("/issue/ACME-5?fields=summary,comment").then().body("fields.summary", equalTo("With a note"))
                .body("fields.comment.total", equalTo(before + 1));
        // A transition may carry a comment, as clients commonly send it.
        alice.acme(2).contentType("application/json").body(Map.of("transition", Map.of("id", "21"),
                "update", Map.of("comment", List.of(Map.of("add", Map.of("body", "Starting now")))))).post("/issue/ACME-5/transitions")
                .then().statusCode(204);
        alice.acme(2).get("/issue/ACME-5?fields=status,comment").then().body("fields.status.name", equalTo("In Progress"))
                .body("fields.comment.comments[-1].body", equalTo("Starting now"));
        alice.acme(2).contentType("application/json").body(Map.of("transition", Map.of("id", "41"),
                "update", Map.of("comment", List.of(Map.of("add", Map.of("body", "  ")))))).post("/issue/ACME-5/transitions").then().statusCode(400);
        alice.acme(2).get("/issue/ACME-5?fields=status").then().body("fields.status.name", equalTo("In Progress"));
    }

    @Test
    void screenOverridesAreForAppsAndReturnIssueTakesExpand(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").queryParam("overrideScreenSecurity", "true")
                .body(Map.of("fields", Map.of("summary", "x"))).put("/issue/ACME-5").then().statusCode(403);
        alice.acme(3).get("/issue/ACME-5?fields=summary").then().body("fields.summary", org.hamcrest.Matchers.not(equalTo("x")));
        alice.acme(3).contentType("application/json").queryParam("returnIssue", "true").queryParam("expand", "changelog")
                .queryParam("notifyUsers", "false").body(Map.of("fields", Map.of("summary", "Returned")))
                .put("/issue/ACME-5").then().statusCode(200).body("fields.summary", equalTo("Returned"))
                .body("changelog.histories[-1].items[0].toString", equalTo("Returned"));
        // An operation a field does not support is Jira's 400, never a silent no-op.
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("summary", List.of(Map.of("add", "x")))))
                .put("/issue/ACME-5").then().statusCode(400).body("errors.summary", containsString("'add'"));
        alice.acme(3).contentType("application/json").body(Map.of("update", Map.of("labels", List.of(Map.of("edit", "x")))))
                .put("/issue/ACME-5").then().statusCode(400).body("errors.labels", containsString("'edit'"));
        // Scopes: assigning is a write (bob's token here has read only; alice's grant already holds write).
        Jira.as(sim, "bob@acme.test", List.of("acme"), "read:jira-work").acme(3).contentType("application/json")
                .body(Map.of("accountId", BOB_ID)).put("/issue/ACME-5/assignee").then().statusCode(401);
    }
}
