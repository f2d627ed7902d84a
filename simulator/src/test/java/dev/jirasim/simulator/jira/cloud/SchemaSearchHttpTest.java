package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The paged schema searches: fields, priorities, statuses (admins only), and a project's statuses per issue type. */
@ExtendWith(SimulatorExtension.class)
class SchemaSearchHttpTest {

    @Test
    void fieldSearchFiltersAndPages(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("type", "custom").get("/field/search").then().statusCode(200)
                .body("values.id", everyItem(startsWith("customfield_"))).body("total", equalTo(6)).body("isLast", equalTo(true));
        alice.acme(3).queryParam("query", "point").get("/field/search").then().statusCode(200)
                .body("values.id", contains("customfield_10016"));
        alice.acme(3).queryParam("id", "summary,labels").queryParam("orderBy", "-name").get("/field/search").then().statusCode(200)
                .body("values.id", contains("summary", "labels"));
        alice.acme(3).queryParam("maxResults", 2).get("/field/search").then().statusCode(200)
                .body("values", org.hamcrest.Matchers.hasSize(2)).body("isLast", equalTo(false)).body("nextPage", startsWith(sim.baseUrl()));
        alice.acme(3).queryParam("orderBy", "colour").get("/field/search").then().statusCode(400);
    }

    @Test
    void prioritySearchIsNotAPriorityCalledSearch(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/priority/search").then().statusCode(200).body("total", equalTo(5));
        alice.acme(3).queryParam("onlyDefault", "true").get("/priority/search").then().statusCode(200).body("values.name", contains("Medium"));
        alice.acme(3).queryParam("priorityName", "high").get("/priority/search").then().statusCode(200).body("values.name", contains("Highest", "High"));
    }

    @Test
    void statusSearchIsForAdministratorsAndNeedsItsScope(JirasimServer sim) {
        // Alice administers acme; her token carries manage:jira-configuration.
        Jira admin = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work manage:jira-configuration");
        admin.acme(3).get("/statuses/search").then().statusCode(200).body("total", equalTo(4)).body("maxResults", equalTo(200))
                .body("values.statusCategory", hasItem("IN_PROGRESS")).body("self", startsWith("https://acme.atlassian.net/rest/api/3/"));
        admin.acme(3).queryParam("statusCategory", "DONE").get("/statuses/search").then().body("values.name", contains("Done"));
        // The scope is manage:jira-configuration: read:jira-work alone is a scope mismatch.
        sim.control().reset();
        Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work").acme(3).get("/statuses/search").then().statusCode(401);
        // Bob administers nothing: nothing to list.
        Jira.as(sim, "bob@acme.test", List.of("acme"), "manage:jira-configuration").acme(3).get("/statuses/search").then().statusCode(200)
                .body("values", empty());
    }

    @Test
    void projectStatusesPerIssueType(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/project/ACME/statuses").then().statusCode(200)
                .body("name", hasItem("Bug")).body("find { it.name == 'Story' }.statuses.name", contains("To Do", "In Progress", "In Review", "Done"));
        Jira.bob(sim).acme(3).get("/project/SEC/statuses").then().statusCode(404).body("errorMessages", not(empty()));
    }
}
