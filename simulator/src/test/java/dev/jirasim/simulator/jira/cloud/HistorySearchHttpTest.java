package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** History JQL through /rest/api/3/search/jql: a transition is recorded on the world's clock and WAS / CHANGED find it. */
@ExtendWith(SimulatorExtension.class)
class HistorySearchHttpTest {
    private static List<String> keys(Jira jira, String jql) {
        Response r = jira.acme(3).queryParam("jql", jql).queryParam("maxResults", 5000).get("/search/jql");
        r.then().statusCode(200);
        return r.jsonPath().getList("issues.key");
    }

    @Test
    void aTransitionIsFoundByWasAndChanged(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        List<String> todo = keys(alice, "project = ACME AND issuetype = Task AND status = \"To Do\" AND status CHANGED BEFORE -3650d ORDER BY key");
        assertEquals(List.of(), todo, "nothing changed ten years ago");
        String key = keys(alice, "project = ACME AND issuetype = Task AND status = \"To Do\" AND NOT status CHANGED ORDER BY key").get(0);
        String toProgress = alice.acme(3).get("/issue/" + key + "/transitions").jsonPath()
                .getString("transitions.find { it.to.name == 'In Progress' }.id");
        alice.acme(3).contentType("application/json").body(Map.of("transition", Map.of("id", toProgress))).post("/issue/" + key + "/transitions")
                .then().statusCode(204);
        sim.control().advanceClock(Duration.ofHours(2));
        alice = Jira.alice(sim);   // tokens live an hour of world clock

        String mine = "key = " + key + " AND ";
        assertEquals(List.of(key), keys(alice, mine + "status WAS \"In Progress\""));
        assertEquals(List.of(key), keys(alice, mine + "status WAS \"To Do\" BEFORE -1h"));
        assertEquals(List.of(), keys(alice, mine + "status WAS \"To Do\" AFTER -1h"));
        assertEquals(List.of(key), keys(alice, mine + "status WAS NOT Done"));
        assertEquals(List.of(key), keys(alice, "status CHANGED FROM \"To Do\" TO \"In Progress\" AFTER -1d BY currentUser() AND " + "key = " + key));
        assertEquals(List.of(), keys(alice, mine + "status CHANGED AFTER -1h"));
        assertEquals(List.of(), keys(Jira.bob(sim), mine + "status CHANGED BY currentUser()"));
        org.hamcrest.MatcherAssert.assertThat(keys(alice, "status CHANGED TO \"In Progress\" BY currentUser() AFTER -1d"), hasItem(key));
        org.hamcrest.MatcherAssert.assertThat(keys(alice, "status CHANGED AFTER -1h"), not(hasItem(key)));
    }

    @Test
    void historyOnOtherFieldsIsRefusedWithJirasMessage(JirasimServer sim) {
        Jira.alice(sim).acme(3).queryParam("jql", "summary WAS \"Fix login\"").get("/search/jql").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("History searches do not support the 'summary' field.")));
        Jira.alice(sim).acme(3).queryParam("jql", "status CHANGED BY \"nobody@nowhere.test\"").get("/search/jql").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("The user 'nobody@nowhere.test' does not exist and cannot be used in the 'by' predicate.")));
    }

    @Test
    void jqlParseShowsPredicates(JirasimServer sim) {
        Jira.alice(sim).acme(3).contentType("application/json")
                .body(Map.of("queries", List.of("status WAS Done BY currentUser() AFTER -1d", "assignee CHANGED FROM EMPTY")))
                .post("/jql/parse").then().statusCode(200)
                .body("queries[0].structure.where.operator", equalTo("was"))
                .body("queries[0].structure.where.operand.value", equalTo("Done"))
                .body("queries[0].structure.where.predicates.operator", equalTo(List.of("by", "after")))
                .body("queries[0].structure.where.predicates[0].operand.function", equalTo("currentUser"))
                .body("queries[1].structure.where.operator", equalTo("changed"))
                .body("queries[1].structure.where.predicates[0].operand.keyword", equalTo("empty"));
    }
}
