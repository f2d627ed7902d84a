package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every change leaves a history entry, on the world's clock, served as Jira serves changelogs. */
@ExtendWith(SimulatorExtension.class)
class ChangelogHttpTest {
    private static final String BOB_ID = "5f8a1c2e4b7d9e0011a2b3c5";

    private static Map<String, Object> json(Object... pairs) {
        var m = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    @Test
    void editsAndTransitionsAreRecordedWithJirasItems(JirasimServer sim) {
        sim.control().setClock(java.time.Instant.parse("2026-12-01T10:00:00Z"), true);
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/issue/ACME-5/changelog").then().statusCode(200).body("total", equalTo(0)).body("isLast", equalTo(true));
        String before = alice.acme(3).get("/issue/ACME-5?fields=summary").then().extract().path("fields.summary");
        alice.acme(3).contentType("application/json")
                .body(json("fields", json("summary", "Renamed", "assignee", json("accountId", BOB_ID)),
                        "update", json("labels", List.of(json("add", "synced")))))
                .put("/issue/ACME-5").then().statusCode(204);
        sim.control().advanceClock(Duration.ofMinutes(5));
        alice.acme(3).contentType("application/json").body(json("transition", json("id", "21"))).post("/issue/ACME-5/transitions")
                .then().statusCode(204);
        var page = alice.acme(3).get("/issue/ACME-5/changelog").then().statusCode(200)
                .body("total", equalTo(2)).body("startAt", equalTo(0)).body("maxResults", equalTo(100)).body("isLast", equalTo(true))
                .body("values[0].author.accountId", equalTo(OAuth.ALICE_ID))
                .body("values[0].items.field", contains("summary", "assignee", "labels"))
                .body("values[0].items[0].fromString", equalTo(before)).body("values[0].items[0].toString", equalTo("Renamed"))
                .body("values[0].items[1].to", equalTo(BOB_ID)).body("values[0].items[1].toString", equalTo("Bob Brown"))
                .body("values[0].items[1].fieldId", equalTo("assignee"))
                .body("values[1].items[0].field", equalTo("status")).body("values[1].items[0].fromString", equalTo("To Do"))
                .body("values[1].items[0].to", equalTo("3")).body("values[1].items[0].toString", equalTo("In Progress"))
                .extract().jsonPath();
        // Five minutes of the world's clock between them.
        var first = java.time.OffsetDateTime.parse(page.getString("values[0].created"), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        var second = java.time.OffsetDateTime.parse(page.getString("values[1].created"), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        assertEquals(Duration.ofMinutes(5), Duration.between(first, second));
        // updated moved with the last change; an edit that changes nothing records nothing.
        alice.acme(3).contentType("application/json").body(json("fields", json("summary", "Renamed"))).put("/issue/ACME-5").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-5/changelog").then().body("total", equalTo(2));

        // By id, and paged.
        String secondId = page.getString("values[1].id");
        alice.acme(3).contentType("application/json").body(json("changelogIds", List.of(Long.parseLong(secondId))))
                .post("/issue/ACME-5/changelog/list").then().statusCode(200).body("histories.id", contains(secondId));
        alice.acme(3).queryParam("maxResults", 1).get("/issue/ACME-5/changelog").then().body("values", hasSize(1)).body("isLast", equalTo(false))
                .body("nextPage", not(nullValue()));
        alice.acme(3).contentType("application/json").body(json("changelogIds", List.of())).post("/issue/ACME-5/changelog/list")
                .then().statusCode(400);
        // Inline on the issue, with v2 too.
        alice.acme(2).queryParam("expand", "changelog").get("/issue/ACME-5").then().statusCode(200)
                .body("changelog.total", equalTo(2)).body("changelog.histories", hasSize(2));
    }

    @Test
    void generatedIssuesCarryTheMoveOutOfTheirFirstStatus(JirasimServer sim) {
        // ACME-4 is a Task generated as Done.
        Jira.alice(sim).acme(3).get("/issue/ACME-4/changelog").then().statusCode(200).body("total", equalTo(1))
                .body("values[0].items.field", contains("status", "resolution")).body("values[0].items[0].fromString", equalTo("To Do"))
                .body("values[0].items[0].toString", equalTo("Done"));
    }

    @Test
    void bulkFetchSortsByDateFiltersFieldsAndPagesWithAToken(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        for (String key : List.of("ACME-6", "ACME-5")) {
            alice.acme(3).contentType("application/json").body(json("update", json("labels", List.of(json("add", "bulk-" + key)))))
                    .put("/issue/" + key).then().statusCode(204);
            sim.control().advanceClock(Duration.ofMinutes(1));
            alice.acme(3).contentType("application/json").body(json("fields", json("summary", "again " + key))).put("/issue/" + key)
                    .then().statusCode(204);
            sim.control().advanceClock(Duration.ofMinutes(1));
        }
        alice.acme(3).contentType("application/json").body(json("issueIdsOrKeys", List.of("ACME-5", "ACME-6", "SEC-1"), "fieldIds", List.of("labels")))
                .post("/changelog/bulkfetch").then().statusCode(200)
                .body("issueChangeLogs", hasSize(2))
                .body("issueChangeLogs[0].changeHistories[0].items.field", contains("labels"));
        String issue6 = alice.acme(3).get("/issue/ACME-6?fields=summary").then().extract().path("id");
        var first = alice.acme(3).contentType("application/json").body(json("issueIdsOrKeys", List.of("ACME-5", "ACME-6"), "fieldIds", List.of("labels", "summary"), "maxResults", 1))
                .post("/changelog/bulkfetch").then().statusCode(200)
                .body("issueChangeLogs[0].issueId", equalTo(issue6)).extract().jsonPath();
        String token = first.getString("nextPageToken");
        assertNotNull(token);
        alice.acme(3).contentType("application/json").body(json("issueIdsOrKeys", List.of("ACME-5", "ACME-6"), "fieldIds", List.of("labels", "summary"), "maxResults", 1,
                        "nextPageToken", token))
                .post("/changelog/bulkfetch").then().statusCode(200).body("issueChangeLogs[0].issueId", equalTo(issue6))
                .body("issueChangeLogs[0].changeHistories[0].items.field", contains("summary"));
        // A token from another request is refused; bob does not see SEC's history at all.
        alice.acme(3).contentType("application/json").body(json("issueIdsOrKeys", List.of("ACME-5"), "nextPageToken", token))
                .post("/changelog/bulkfetch").then().statusCode(400);
        alice.acme(3).contentType("application/json").body(json("issueIdsOrKeys", List.of())).post("/changelog/bulkfetch").then().statusCode(400);
    }

    @Test
    void aSearchCarriesAtMostFortyHistoriesPerIssue(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        for (int i = 0; i < 45; i++) {
            alice.acme(3).contentType("application/json").body(json("fields", json("summary", "take " + i))).put("/issue/ACME-6").then().statusCode(204);
        }
        alice.acme(3).queryParam("jql", "key = ACME-6").queryParam("expand", "changelog").get("/search/jql").then().statusCode(200)
                .body("issues[0].changelog.total", equalTo(46)).body("issues[0].changelog.histories", hasSize(40))
                .body("issues[0].changelog.startAt", equalTo(6))
                .body("issues[0].changelog.histories[39].items[0].toString", equalTo("take 44"));
        alice.acme(3).queryParam("expand", "changelog").get("/issue/ACME-6").then().body("changelog.histories", hasSize(46));
    }
}
