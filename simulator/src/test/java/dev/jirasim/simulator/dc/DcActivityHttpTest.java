package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.dc.DcRestHttpTest.JDOE_PAT;
import static dev.jirasim.simulator.dc.DcRestHttpTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What gathers on a Data Center issue: history and {@code expand=changelog}, comments with visibility, transitions,
 * worklogs with estimates, and issue links, in DC's v2 shapes (people by name and key, string bodies, links on the
 * instance base).
 */
@ExtendWith(SimulatorExtension.class)
class DcActivityHttpTest {
    private static final String ADMIN_KEY = "JIRAUSER10000";
    private static final String JDOE_KEY = "JIRAUSER10100";

    @Test
    void editsLeaveHistoryThatExpandChangelogShowsWithDcUsers(JirasimServer sim) {
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("fields", Map.of("summary", "Renamed on DC", "labels", List.of("dc"))))
                .put("/rest/api/2/issue/DCP-1").then().statusCode(204);
        var issue = as(sim, JDOE_PAT).queryParam("expand", "changelog").get("/rest/api/latest/issue/DCP-1").then().statusCode(200)
                .body("changelog.startAt", equalTo(0)).body("changelog.total", equalTo(1)).body("changelog.maxResults", equalTo(1))
                .body("changelog.histories[0].author.name", equalTo("jdoe")).body("changelog.histories[0].author.key", equalTo(JDOE_KEY))
                .body("changelog.histories[0].author", not(hasKey("accountId")))
                .body("changelog.histories[0].author.self", equalTo(sim.baseUrl() + "/dc/dc1/rest/api/2/user?username=jdoe"))
                .body("changelog.histories[0].items.field", equalTo(List.of("summary", "labels")))
                .body("changelog.histories[0].items[0].toString", equalTo("Renamed on DC"))
                .body("changelog.histories[0].items[0]", not(hasKey("fieldId")))
                .body("changelog.histories[0].created", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}"));
        // The same edit again changes nothing: no second history.
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("fields", Map.of("summary", "Renamed on DC"))).put("/rest/api/2/issue/DCP-1")
                .then().statusCode(204);
        as(sim, JDOE_PAT).queryParam("expand", "changelog").get("/rest/api/2/issue/DCP-1").then().body("changelog.total", equalTo(1));
        // Without expand there is no changelog; search takes expand too, in GET and POST.
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-1").then().body("$", not(hasKey("changelog")));
        as(sim, JDOE_PAT).queryParam("jql", "key = DCP-1").queryParam("expand", "changelog").get("/rest/api/2/search").then()
                .body("issues[0].changelog.histories[0].items[0].field", equalTo("summary"));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("jql", "key = DCP-1", "expand", List.of("changelog"))).post("/rest/api/2/search")
                .then().body("issues[0].changelog.total", equalTo(1));
        assertEquals(1, issue.extract().<List<?>>path("changelog.histories").size());
    }

    @Test
    void commentsTakeStringBodiesAndRestrictedOnesStayHidden(JirasimServer sim) {
        String admin = DcRestHttpTest.token(sim, "admin", "WRITE");
        var added = as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "Looks good to me, *bold* wiki."))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(201)
                .body("body", equalTo("Looks good to me, *bold* wiki.")).body("author.name", equalTo("jdoe")).body("author.key", equalTo(JDOE_KEY))
                .body("updateAuthor.name", equalTo("jdoe")).body("self", startsWith(sim.baseUrl() + "/dc/dc1/rest/api/2/issue/"))
                .body("$", not(hasKey("visibility"))).extract();
        String id = added.path("id");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2/comment/" + id).then().statusCode(200).body("body", equalTo("Looks good to me, *bold* wiki."));
        // Only administrators are in jira-administrators; jdoe may not restrict to a group he is not in.
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "secret", "visibility", Map.of("type", "group", "value", "jira-administrators")))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(400)
                .body("errors.commentLevel", equalTo("You are currently not a member of the group: jira-administrators."));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "x", "visibility", Map.of("type", "group", "value", "nobody")))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(400).body("errors.commentLevel", equalTo("Group: nobody does not exist."));
        String secret = as(sim, admin).contentType("application/json")
                .body(Map.of("body", "admins only", "visibility", Map.of("type", "group", "value", "jira-administrators")))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(201)
                .body("visibility", equalTo(Map.of("type", "group", "value", "jira-administrators"))).extract().path("id");
        as(sim, admin).get("/rest/api/2/issue/DCP-2/comment").then().statusCode(200).body("total", equalTo(countBefore(sim, admin) ))
                .body("comments.id", hasItem(secret));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2/comment").then().statusCode(200).body("comments.id", not(hasItem(secret)))
                .body("comments.id", hasItem(id)).body("startAt", equalTo(0)).body("maxResults", equalTo(50));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2/comment/" + secret).then().statusCode(404)
                .body("errorMessages[0]", equalTo("Can not find a comment for the id: " + secret + "."));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2").then().body("fields.comment.comments.id", not(hasItem(secret)))
                .body("fields.comment.comments.id", hasItem(id));
        // Role visibility: jdoe edits DCP, so he holds Developers.
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "devs", "visibility", Map.of("type", "role", "value", "Developers")))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(201).body("visibility.type", equalTo("role"));
        // Edit own; someone else's needs project administration; admin may edit any.
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "Edited")).put("/rest/api/2/issue/DCP-2/comment/" + id).then()
                .statusCode(200).body("body", equalTo("Edited"));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "")).put("/rest/api/2/issue/DCP-2/comment/" + id).then()
                .statusCode(400).body("errors.comment", equalTo("Comment body can not be empty!"));
        as(sim, admin).contentType("application/json").body(Map.of("body", "By admin")).put("/rest/api/2/issue/DCP-2/comment/" + id).then()
                .statusCode(200).body("author.name", equalTo("jdoe")).body("updateAuthor.name", equalTo("admin"));
        as(sim, JDOE_PAT).delete("/rest/api/2/issue/DCP-2/comment/" + secret).then().statusCode(404);
        String adminsOpen = as(sim, admin).contentType("application/json").body(Map.of("body", "open")).post("/rest/api/2/issue/DCP-2/comment")
                .then().statusCode(201).extract().path("id");
        as(sim, JDOE_PAT).delete("/rest/api/2/issue/DCP-2/comment/" + adminsOpen).then().statusCode(400)
                .body("errorMessages[0]", equalTo("You do not have the permission to delete this comment."));
        as(sim, JDOE_PAT).delete("/rest/api/2/issue/DCP-2/comment/" + id).then().statusCode(204);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-2/comment/" + id).then().statusCode(404);
        // Browsing is enough to comment (DCO), a hidden issue is 404, and READ tokens may not write.
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "ops note")).post("/rest/api/2/issue/DCO-1/comment").then().statusCode(201);
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("body", "x")).post("/rest/api/2/issue/HR-1/comment").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue Does Not Exist"));
        as(sim, DcRestHttpTest.token(sim, "jdoe", "READ")).contentType("application/json").body(Map.of("body", "x"))
                .post("/rest/api/2/issue/DCP-2/comment").then().statusCode(403);
        as(sim, JDOE_PAT).queryParam("orderBy", "-created").get("/rest/api/2/issue/DCP-2/comment").then().statusCode(200);
        as(sim, JDOE_PAT).queryParam("orderBy", "author").get("/rest/api/2/issue/DCP-2/comment").then().statusCode(400);
    }

    private static int countBefore(JirasimServer sim, String token) {
        return as(sim, token).get("/rest/api/2/issue/DCP-2").then().extract().path("fields.comment.total");
    }

    @Test
    void transitionsFollowTheSimplifiedWorkflowAndResolveOnDone(JirasimServer sim) {
        String key = as(sim, JDOE_PAT).contentType("application/json").body(DcRestHttpTest.issue("DCP", "To transition")).post("/rest/api/2/issue")
                .then().statusCode(201).extract().path("key");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/" + key + "/transitions").then().statusCode(200).body("expand", equalTo("transitions"))
                .body("transitions.id", equalTo(List.of("21", "31", "41"))).body("transitions.name", equalTo(List.of("In Progress", "In Review", "Done")))
                .body("transitions[0].to.self", startsWith(sim.baseUrl() + "/dc/dc1/rest/api/2/status/"))
                .body("transitions[0]", not(hasKey("fields")));
        as(sim, JDOE_PAT).queryParam("expand", "transitions.fields").queryParam("transitionId", "41").get("/rest/api/2/issue/" + key + "/transitions")
                .then().body("transitions.id", equalTo(List.of("41"))).body("transitions[0].fields", equalTo(Map.of()));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("transition", Map.of("id", "99"))).post("/rest/api/2/issue/" + key + "/transitions")
                .then().statusCode(400).body("errorMessages[0]", equalTo("Transition id '99' is not valid for this issue."));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("transition", Map.of("id", "41"), "fields", Map.of("resolution", Map.of("name", "Done"))))
                .post("/rest/api/2/issue/" + key + "/transitions").then().statusCode(400)
                .body("errors.resolution", equalTo("Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown."));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("transition", Map.of("id", "41"))).post("/rest/api/2/issue/" + key + "/transitions")
                .then().statusCode(204);
        as(sim, JDOE_PAT).queryParam("expand", "changelog").get("/rest/api/2/issue/" + key).then().body("fields.status.name", equalTo("Done"))
                .body("fields.resolution.name", equalTo("Done")).body("fields.resolutiondate", not(nullValue()))
                .body("changelog.histories[0].items.field", equalTo(List.of("status", "resolution")))
                .body("changelog.histories[0].items[0].fromString", equalTo("To Do")).body("changelog.histories[0].items[0].toString", equalTo("Done"));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("transition", Map.of("id", "21"))).post("/rest/api/latest/issue/" + key + "/transitions")
                .then().statusCode(204);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/" + key).then().body("fields.resolution", nullValue()).body("fields.status.name", equalTo("In Progress"));
        // Browse only (DCO): nothing to take, and taking one is refused.
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCO-1/transitions").then().statusCode(200).body("transitions", equalTo(List.of()));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("transition", Map.of("id", "21"))).post("/rest/api/2/issue/DCO-1/transitions")
                .then().statusCode(400);
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of()).post("/rest/api/2/issue/" + key + "/transitions").then().statusCode(400)
                .body("errorMessages[0]", equalTo("Missing 'transition' identifier"));
    }

    @Test
    void worklogsAdjustTheEstimateAndShowInTimeTracking(JirasimServer sim) {
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("fields", Map.of("timetracking", Map.of("originalEstimate", "1d"))))
                .put("/rest/api/2/issue/DCP-3").then().statusCode(204);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3").then().body("fields.timetracking.originalEstimate", equalTo("1d"))
                .body("fields.timetracking.remainingEstimateSeconds", equalTo(28800));
        var log = as(sim, JDOE_PAT).contentType("application/json")
                .body(Map.of("timeSpent", "1h 30m", "started", "2024-01-15T10:00:00.000+0000", "comment", "Investigated"))
                .post("/rest/api/2/issue/DCP-3/worklog").then().statusCode(201).body("timeSpent", equalTo("1h 30m"))
                .body("timeSpentSeconds", equalTo(5400)).body("started", equalTo("2024-01-15T10:00:00.000+0000")).body("comment", equalTo("Investigated"))
                .body("author.name", equalTo("jdoe")).body("updateAuthor.key", equalTo(JDOE_KEY)).body("author", not(hasKey("accountId")))
                .body("self", startsWith(sim.baseUrl() + "/dc/dc1/rest/api/2/issue/")).extract();
        String id = log.path("id");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3").then().body("fields.timetracking.remainingEstimate", equalTo("6h 30m"))
                .body("fields.timetracking.timeSpent", equalTo("1h 30m")).body("fields.worklog.total", equalTo(1))
                .body("fields.worklog.worklogs[0].id", equalTo(id));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3/worklog").then().statusCode(200).body("total", equalTo(1)).body("worklogs[0].issueId", not(nullValue()));
        as(sim, JDOE_PAT).queryParam("adjustEstimate", "new").queryParam("newEstimate", "2h").contentType("application/json").body(Map.of("timeSpentSeconds", 7200))
                .put("/rest/api/2/issue/DCP-3/worklog/" + id).then().statusCode(200).body("timeSpent", equalTo("2h"));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3").then().body("fields.timetracking.remainingEstimate", equalTo("2h"));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("timeSpent", "soon", "started", "2024-01-15T10:00:00.000+0000"))
                .post("/rest/api/2/issue/DCP-3/worklog").then().statusCode(400).body("errors.timeLogged", equalTo("Invalid time duration entered."))
                .body("errorMessages[0]", equalTo("Worklog must not be null."));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("timeSpent", "1h", "started", "2024-01-15T10:00:00.000+0000"))
                .post("/rest/api/2/issue/DCO-1/worklog").then().statusCode(403);
        as(sim, JDOE_PAT).queryParam("adjustEstimate", "manual").queryParam("increaseBy", "1h").delete("/rest/api/2/issue/DCP-3/worklog/" + id).then().statusCode(204);
        as(sim, JDOE_PAT).queryParam("expand", "changelog").get("/rest/api/2/issue/DCP-3").then().body("fields.timetracking.remainingEstimate", equalTo("3h"))
                .body("fields.worklog.total", equalTo(0)).body("changelog.histories[-1].items.field", hasItem("WorklogId"))
                .body("changelog.histories[-1].author.name", equalTo("jdoe"));
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-3/worklog/" + id).then().statusCode(404)
                .body("errorMessages[0]", equalTo("Can not find a worklog for the id: " + id + "."));
        // Search leaves the non-navigable fields out unless asked.
        as(sim, JDOE_PAT).queryParam("jql", "key = DCP-3").get("/rest/api/2/search").then().body("issues[0].fields", not(hasKey("worklog")))
                .body("issues[0].fields", hasKey("issuelinks"));
    }

    @Test
    void linksAreHeldByBothIssuesAndResolve(JirasimServer sim) {
        as(sim, JDOE_PAT).get("/rest/api/2/issueLinkType").then().statusCode(200)
                .body("issueLinkTypes.name", equalTo(List.of("Blocks", "Cloners", "Duplicate", "Relates")))
                .body("issueLinkTypes[0].self", equalTo(sim.baseUrl() + "/dc/dc1/rest/api/2/issueLinkType/10000"));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("type", Map.of("name", "Blocks"), "inwardIssue", Map.of("key", "DCP-4"),
                "outwardIssue", Map.of("key", "DCP-5"), "comment", Map.of("body", "Linked from the API"))).post("/rest/api/2/issueLink").then().statusCode(201);
        var from = as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-4").then().body("fields.issuelinks[0].type.outward", equalTo("blocks"))
                .body("fields.issuelinks[0].outwardIssue.key", equalTo("DCP-5")).extract();
        String id = from.path("fields.issuelinks[0].id");
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-5").then().body("fields.issuelinks[0].id", equalTo(id))
                .body("fields.issuelinks[0].inwardIssue.key", equalTo("DCP-4")).body("fields.comment.comments[-1].body", equalTo("Linked from the API"));
        as(sim, JDOE_PAT).queryParam("expand", "changelog").get("/rest/api/2/issue/DCP-4").then()
                .body("changelog.histories[-1].items[0].field", equalTo("Link"))
                .body("changelog.histories[-1].items[0].toString", equalTo("This issue blocks DCP-5"));
        as(sim, JDOE_PAT).get("/rest/api/2/issueLink/" + id).then().statusCode(200).body("inwardIssue.key", equalTo("DCP-4"))
                .body("outwardIssue.key", equalTo("DCP-5")).body("type.name", equalTo("Blocks"))
                .body("self", equalTo(sim.baseUrl() + "/dc/dc1/rest/api/2/issueLink/" + id));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("type", Map.of("name", "Blocks"), "inwardIssue", Map.of("key", "DCP-4"),
                "outwardIssue", Map.of("key", "DCO-1"))).post("/rest/api/2/issueLink").then().statusCode(401)
                .body("errorMessages[0]", equalTo("No Link Issue Permission for issue 'DCO-1'."));
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("type", Map.of("name", "Nope"), "inwardIssue", Map.of("key", "DCP-4"),
                "outwardIssue", Map.of("key", "DCP-5"))).post("/rest/api/2/issueLink").then().statusCode(404);
        as(sim, JDOE_PAT).contentType("application/json").body(Map.of("type", Map.of("name", "Blocks"), "inwardIssue", Map.of("key", "HR-1"),
                "outwardIssue", Map.of("key", "DCP-5"))).post("/rest/api/2/issueLink").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue Does Not Exist"));
        as(sim, JDOE_PAT).delete("/rest/api/2/issueLink/" + id).then().statusCode(204);
        as(sim, JDOE_PAT).get("/rest/api/2/issueLink/" + id).then().statusCode(404);
        as(sim, JDOE_PAT).get("/rest/api/2/issue/DCP-5").then().body("fields.issuelinks", equalTo(List.of()));
    }
}
