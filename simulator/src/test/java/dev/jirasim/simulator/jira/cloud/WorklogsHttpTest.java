package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Worklogs and time tracking: estimates set through the issue, work logged with each {@code adjustEstimate} mode,
 * edit and delete rights, restricted worklogs, and the incremental-sync pair {@code /worklog/updated} +
 * {@code /worklog/list} with {@code /worklog/deleted}.
 */
@ExtendWith(SimulatorExtension.class)
class WorklogsHttpTest {
    private static final String STARTED = "2026-01-15T10:00:00.000+0000";

    private static void estimate(Jira who, String issue, String original) {
        who.acme(3).contentType("application/json").body(Map.of("fields", Map.of("timetracking", Map.of("originalEstimate", original))))
                .put("/issue/" + issue).then().statusCode(204);
    }

    private static String log(Jira who, String issue, Map<String, Object> body, Map<String, String> query) {
        return who.acme(3).contentType("application/json").queryParams(query).body(body).post("/issue/" + issue + "/worklog")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void loggingWorkReducesTheRemainingEstimate(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        estimate(alice, "ACME-1", "1d");
        alice.acme(3).get("/issue/ACME-1").then().body("fields.timetracking.originalEstimate", equalTo("1d"))
                .body("fields.timetracking.remainingEstimateSeconds", equalTo(28800)).body("fields.timespent", nullValue())
                .body("fields.worklog.total", equalTo(0)).body("fields.worklog.maxResults", equalTo(20));
        var comment = Map.of("type", "doc", "version", 1, "content", List.of(Map.of("type", "paragraph", "content",
                List.of(Map.of("type", "text", "text", "pairing")))));
        String id = alice.acme(3).contentType("application/json").body(Map.of("timeSpent", "1h 30m", "started", STARTED, "comment", comment))
                .post("/issue/ACME-1/worklog").then().statusCode(201).body("timeSpent", equalTo("1h 30m")).body("timeSpentSeconds", equalTo(5400))
                .body("started", equalTo(STARTED)).body("author.displayName", equalTo("Alice Adams")).body("comment.content[0].content[0].text",
                        equalTo("pairing")).extract().path("id");
        alice.acme(2).get("/issue/ACME-1").then().body("fields.timetracking.remainingEstimate", equalTo("6h 30m"))
                .body("fields.timetracking.timeSpent", equalTo("1h 30m")).body("fields.timeestimate", equalTo(23400))
                .body("fields.timespent", equalTo(5400)).body("fields.aggregatetimespent", equalTo(5400))
                .body("fields.timeoriginalestimate", equalTo(28800)).body("fields.worklog.worklogs[0].id", equalTo(id))
                .body("fields.worklog.worklogs[0].comment", equalTo("pairing"));
        // The other modes.
        log(alice, "ACME-1", Map.of("timeSpentSeconds", 3600, "started", STARTED), Map.of("adjustEstimate", "leave"));
        alice.acme(3).get("/issue/ACME-1").then().body("fields.timeestimate", equalTo(23400)).body("fields.timespent", equalTo(9000));
        log(alice, "ACME-1", Map.of("timeSpent", "30m", "started", STARTED), Map.of("adjustEstimate", "new", "newEstimate", "2d"));
        alice.acme(3).get("/issue/ACME-1").then().body("fields.timetracking.remainingEstimate", equalTo("2d"));
        log(alice, "ACME-1", Map.of("timeSpent", "1h", "started", STARTED), Map.of("adjustEstimate", "manual", "reduceBy", "1w"));
        alice.acme(3).get("/issue/ACME-1").then().body("fields.timeestimate", equalTo(0));
        alice.acme(3).contentType("application/json").queryParam("adjustEstimate", "new").body(Map.of("timeSpent", "1h", "started", STARTED))
                .post("/issue/ACME-1/worklog").then().statusCode(400).body("errors.newEstimate", equalTo("You must supply a valid new estimate."));
        alice.acme(3).get("/issue/ACME-1/worklog").then().statusCode(200).body("total", equalTo(4)).body("maxResults", equalTo(5000));
    }

    @Test
    void badDurationsAndMissingFieldsGetJirasMessages(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("started", STARTED)).post("/issue/ACME-1/worklog").then().statusCode(400)
                .body("errors.timeLogged", equalTo("You must indicate the time spent working."))
                .body("errorMessages[0]", equalTo("Worklog must not be null."));
        alice.acme(3).contentType("application/json").body(Map.of("timeSpent", "soon", "started", STARTED)).post("/issue/ACME-1/worklog")
                .then().statusCode(400).body("errors.timeLogged", equalTo("Invalid time duration entered."));
        alice.acme(3).contentType("application/json").body(Map.of("timeSpent", "1h")).post("/issue/ACME-1/worklog").then().statusCode(400)
                .body("errors.startDate", equalTo("You must specify a date on which the work occurred."));
        alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("timetracking", Map.of("originalEstimate", "lots"))))
                .put("/issue/ACME-1").then().statusCode(400).body("errors.timetracking", equalTo("The original estimate specified is not valid."));
    }

    @Test
    void editAndDeleteMoveTheEstimateBack(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        estimate(alice, "ACME-2", "10h");
        String bobs = log(bob, "ACME-2", Map.of("timeSpent", "2h", "started", STARTED), Map.of());
        alice.acme(3).get("/issue/ACME-2").then().body("fields.timeestimate", equalTo(8 * 3600));
        bob.acme(2).contentType("application/json").body(Map.of("timeSpent", "3h", "comment", "more")).put("/issue/ACME-2/worklog/" + bobs)
                .then().statusCode(200).body("timeSpentSeconds", equalTo(3 * 3600)).body("comment", equalTo("more"))
                .body("started", equalTo(STARTED));
        alice.acme(3).get("/issue/ACME-2").then().body("fields.timeestimate", equalTo(7 * 3600)).body("fields.timespent", equalTo(3 * 3600));
        String alices = log(alice, "ACME-2", Map.of("timeSpent", "1h", "started", STARTED), Map.of());
        bob.acme(3).contentType("application/json").body(Map.of("timeSpent", "3h")).put("/issue/ACME-2/worklog/" + alices).then().statusCode(400)
                .body("errorMessages[0]", equalTo("You do not have the permission to edit this worklog."));
        bob.acme(3).delete("/issue/ACME-2/worklog/" + alices).then().statusCode(400);
        alice.acme(3).queryParam("adjustEstimate", "manual").queryParam("increaseBy", "1d").delete("/issue/ACME-2/worklog/" + bobs)
                .then().statusCode(204);
        alice.acme(3).get("/issue/ACME-2").then().body("fields.timeestimate", equalTo(6 * 3600 + 8 * 3600)).body("fields.timespent", equalTo(3600));
        alice.acme(3).get("/issue/ACME-2/worklog/" + bobs).then().statusCode(404);
        alice.acme(3).delete("/issue/ACME-2/worklog/" + alices).then().statusCode(204);
        alice.acme(3).get("/issue/ACME-2").then().body("fields.timeestimate", equalTo(15 * 3600)).body("fields.timespent", nullValue());
    }

    @Test
    void aRestrictedWorklogIsHiddenFromOutsiders(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        String id = log(alice, "ACME-3", Map.of("timeSpent", "1h", "started", STARTED, "visibility", Map.of("type", "group", "value", "site-admins")),
                Map.of());
        bob.acme(3).get("/issue/ACME-3/worklog").then().body("worklogs.id", not(hasItem(id)));
        bob.acme(3).get("/issue/ACME-3/worklog/" + id).then().statusCode(404);
        alice.acme(3).get("/issue/ACME-3/worklog/" + id).then().statusCode(200).body("visibility.value", equalTo("site-admins"));
        sim.control().advanceClock(Duration.ofMinutes(2));
        bob.acme(3).contentType("application/json").body(Map.of("ids", List.of(Long.parseLong(id)))).post("/worklog/list").then()
                .statusCode(200).body("$", empty());
        bob.acme(3).queryParam("since", 0).get("/worklog/updated").then().body("values.worklogId", not(hasItem(Integer.parseInt(id))));
    }

    @Test
    void theIncrementalSyncPairSeesAddsEditsAndDeletes(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        long t0 = alice.acme(3).queryParam("since", 0).get("/worklog/updated").then().statusCode(200).body("lastPage", equalTo(true))
                .extract().jsonPath().getLong("until");
        String a = log(alice, "ACME-4", Map.of("timeSpent", "1h", "started", STARTED), Map.of());
        String b = log(alice, "SEC-1", Map.of("timeSpent", "2h", "started", STARTED), Map.of());
        // Changes of the last minute are not listed yet.
        alice.acme(3).queryParam("since", t0).get("/worklog/updated").then().body("values", empty());
        sim.control().advanceClock(Duration.ofMinutes(2));
        var page = alice.acme(3).queryParam("since", t0).get("/worklog/updated").then().statusCode(200).body("lastPage", equalTo(true))
                .body("values[0].properties", empty()).extract().jsonPath();
        assertEquals(t0, page.getLong("since"));
        assertEquals(List.of(Long.parseLong(a), Long.parseLong(b)), page.getList("values.worklogId", Long.class));
        long until = page.getLong("until");
        alice.acme(3).contentType("application/json").body(Map.of("ids", List.of(Long.parseLong(b), Long.parseLong(a), 999_999))).post("/worklog/list")
                .then().statusCode(200).body("id", equalTo(List.of(a, b))).body("issueId[0]", equalTo(alice.acme(3).get("/issue/ACME-4")
                        .then().extract().path("id")));
        // bob may not browse SEC: its worklog is not his to see.
        Jira.bob(sim).acme(3).queryParam("since", t0).get("/worklog/updated").then().body("values.worklogId", equalTo(List.of(Integer.parseInt(a))));
        alice.acme(3).delete("/issue/ACME-4/worklog/" + a).then().statusCode(204);
        sim.control().advanceClock(Duration.ofMinutes(2));
        alice.acme(3).queryParam("since", until).get("/worklog/updated").then().body("values", empty());
        alice.acme(3).queryParam("since", t0).get("/worklog/deleted").then().statusCode(200)
                .body("values.worklogId", equalTo(List.of(Integer.parseInt(a)))).body("lastPage", equalTo(true));
        alice.acme(3).contentType("application/json").body(Map.of("ids", List.of())).post("/worklog/list").then().statusCode(400);
        alice.acme(3).queryParam("since", "yesterday").get("/worklog/updated").then().statusCode(400);
    }
}
