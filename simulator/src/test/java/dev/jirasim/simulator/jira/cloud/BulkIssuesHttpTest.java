package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk create reports each failed element as POST /issue would; bulk fetch returns the visible issues in id order. */
@ExtendWith(SimulatorExtension.class)
class BulkIssuesHttpTest {
    private static Map<String, Object> issue(String project, String summary) {
        return Map.of("fields", Map.of("project", Map.of("key", project), "summary", summary, "issuetype", Map.of("name", "Task")));
    }

    @Test
    void someCreatedSomeRefused(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).contentType("application/json").body(Map.of("issueUpdates", List.of(issue("ACME", "one"), issue("NOPE", "two"),
                Map.of("fields", Map.of("project", Map.of("key", "ACME"), "issuetype", Map.of("name", "Task"))), issue("OPS", "four"))))
                .post("/issue/bulk").then().statusCode(201).body("issues", hasSize(2))
                .body("errors.failedElementNumber", contains(1, 2)).body("errors[0].status", equalTo(400))
                .body("errors[0].elementErrors.errors.project", equalTo("Specify a valid project ID or key"))
                .body("errors[1].elementErrors.errors.summary", equalTo("You must specify a summary of the issue."));
        alice.acme(3).contentType("application/json").body(Map.of("issueUpdates", List.of(issue("NOPE", "x")))).post("/issue/bulk")
                .then().statusCode(400).body("issues", empty()).body("errors", hasSize(1));
        var many = new ArrayList<Object>();
        for (int i = 0; i < 51; i++) many.add(issue("ACME", "n" + i));
        alice.acme(3).contentType("application/json").body(Map.of("issueUpdates", many)).post("/issue/bulk").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(Map.of("nope", 1)).post("/issue/bulk").then().statusCode(400);
    }

    @Test
    void bulkFetchLeavesOutWhatTheCallerCannotSee(JirasimServer sim) {
        Jira bob = Jira.bob(sim);
        bob.acme(3).contentType("application/json").body(Map.of("issueIdsOrKeys", List.of("ACME-2", "SEC-1", "acme-1", "NOPE-9"),
                "fields", List.of("summary"))).post("/issue/bulkfetch").then().statusCode(200)
                .body("issues.key", contains("ACME-1", "ACME-2")).body("issues[0].fields", hasKey("summary"))
                .body("issues[0].fields", not(hasKey("status"))).body("issueErrors", empty());
        bob.acme(3).contentType("application/json").body(Map.of("issueIdsOrKeys", List.of())).post("/issue/bulkfetch").then().statusCode(400);
        var many = new ArrayList<String>();
        for (int i = 1; i <= 101; i++) many.add("ACME-" + i);
        bob.acme(3).contentType("application/json").body(Map.of("issueIdsOrKeys", many)).post("/issue/bulkfetch").then().statusCode(400);
    }
}
