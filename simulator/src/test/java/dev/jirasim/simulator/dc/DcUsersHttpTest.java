package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.dc.DcRestHttpTest.JDOE_PAT;
import static dev.jirasim.simulator.dc.DcRestHttpTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user directory under REST v2: users by name and key, DC's search, and who may be assigned where. */
@ExtendWith(SimulatorExtension.class)
class DcUsersHttpTest {

    @Test
    void aUserIsFoundByUsernameOrKeyAndHasNoAccountId(JirasimServer sim) {
        String self = sim.baseUrl() + "/dc/dc1/rest/api/2/user?username=admin";
        as(sim, JDOE_PAT).queryParam("username", "admin").get("/rest/api/2/user").then().statusCode(200)
                .body("self", equalTo(self)).body("name", equalTo("admin")).body("key", equalTo("JIRAUSER10000"))
                .body("accountId", equalTo(null)).body("emailAddress", equalTo("admin@dc1.test")).body("active", equalTo(true))
                .body("groups.size", equalTo(2));
        as(sim, JDOE_PAT).queryParam("key", "JIRAUSER10000").get("/rest/api/latest/user").then().statusCode(200).body("self", equalTo(self));
        as(sim, JDOE_PAT).queryParam("username", "ADMIN").get("/rest/api/2/user").then().statusCode(200).body("name", equalTo("admin"));
        as(sim, JDOE_PAT).queryParam("username", "JIRAUSER10000").get("/rest/api/2/user").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("The user named 'JIRAUSER10000' does not exist")));
        as(sim, JDOE_PAT).get("/rest/api/2/user").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("The user named 'null' does not exist")));
        DcOAuthHttpTest.dc(sim).queryParam("username", "admin").get("/rest/api/2/user").then().statusCode(401);
    }

    @Test
    void userSearchMatchesThePrefixOfNameDisplayNameOrEmail(JirasimServer sim) {
        for (String q : List.of("jd", "John", "doe", "JDOE@dc1")) {
            as(sim, JDOE_PAT).queryParam("username", q).get("/rest/api/2/user/search").then().statusCode(200)
                    .body("name", equalTo(List.of("jdoe"))).body("[0].locale", equalTo("en_US")).body("[0].accountId", equalTo(null));
        }
        as(sim, JDOE_PAT).queryParam("username", "oe").get("/rest/api/2/user/search").then().statusCode(200).body("$", hasSize(0));
        as(sim, JDOE_PAT).queryParam("username", ".").get("/rest/api/2/user/search").then().body("name", equalTo(List.of("admin", "jdoe")));
        as(sim, JDOE_PAT).queryParam("username", ".").queryParam("startAt", 1).queryParam("maxResults", 5).get("/rest/api/2/user/search")
                .then().body("name", equalTo(List.of("jdoe")));
        as(sim, JDOE_PAT).get("/rest/api/2/user/search").then().statusCode(400)
                .body("errorMessages", equalTo(List.of("The username query parameter was not provided")));
        as(sim, JDOE_PAT).queryParam("username", ".").queryParam("maxResults", "many").get("/rest/api/2/user/search").then().statusCode(400);
    }

    @Test
    void inactiveUsersAreSearchedOnlyWhenAskedForAndCannotSignIn(JirasimServer sim) {
        var world = sim.control().exportWorld();
        DcInstance dc1 = world.dataCenter().get(0);
        var users = new ArrayList<>(dc1.users());
        users.add(new DcUser("jdoe2", "JIRAUSER10200", "Jane Doe (left)", "jane@dc1.test", null, false, false, "jane-password"));
        var pats = new ArrayList<>(dc1.personalAccessTokens());
        pats.add(new DcInstance.PersonalAccessToken("jane-token", "jdoe2", "old", null));
        sim.control().replaceWorld(world.withDataCenter(List.of(new DcInstance(dc1.id(), dc1.contextPath(), dc1.serverTitle(), dc1.version(),
                dc1.lifetimes(), users, dc1.links(), pats, dc1.consent(), dc1.projects(), null, dc1.issues(), dc1.customFields(), dc1.sprints()))));

        as(sim, JDOE_PAT).queryParam("username", "jdoe").get("/rest/api/2/user/search").then().body("name", equalTo(List.of("jdoe")));
        as(sim, JDOE_PAT).queryParam("username", "jdoe").queryParam("includeInactive", "TRUE").get("/rest/api/2/user/search").then()
                .body("name", equalTo(List.of("jdoe2", "jdoe"))).body("find { it.name == 'jdoe2' }.active", equalTo(false));
        as(sim, JDOE_PAT).queryParam("username", "jdoe").queryParam("includeInactive", "true").queryParam("includeActive", "false")
                .get("/rest/api/2/user/search").then().body("name", equalTo(List.of("jdoe2")));
        as(sim, JDOE_PAT).queryParam("username", "jdoe2").get("/rest/api/2/user").then().statusCode(200).body("active", equalTo(false));
        // A deactivated user's token makes the request anonymous.
        as(sim, "jane-token").get("/rest/api/2/myself").then().statusCode(401).header("X-AUSERNAME", "anonymous");
        // Nor can they sign in with their password: Seraph's AUTHENTICATED_FAILED.
        DcOAuthHttpTest.dc(sim).auth().preemptive().basic("jdoe2", "jane-password").get("/rest/api/2/myself").then().statusCode(401)
                .header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED").header("X-AUSERNAME", "anonymous");
    }

    @Test
    void assignableUsersAreThoseWhoMayBrowseAndEditThere(JirasimServer sim) {
        String admin = DcRestHttpTest.token(sim, "admin", "READ");
        // The administrator may do everything everywhere; jdoe may edit DCP, only browse DCO, and not see HR.
        as(sim, JDOE_PAT).queryParam("project", "DCP").get("/rest/api/2/user/assignable/search").then().statusCode(200)
                .body("name", equalTo(List.of("admin", "jdoe"))).body("accountId", everyItem(equalTo(null)));
        as(sim, JDOE_PAT).queryParam("issueKey", "DCP-3").queryParam("username", "john").get("/rest/api/latest/user/assignable/search")
                .then().statusCode(200).body("name", equalTo(List.of("jdoe")));
        as(sim, JDOE_PAT).queryParam("project", "DCP").queryParam("username", "nobody").get("/rest/api/2/user/assignable/search").then()
                .statusCode(200).body("$", hasSize(0));
        as(sim, JDOE_PAT).queryParam("project", "DCO").get("/rest/api/2/user/assignable/search").then().statusCode(200)
                .body("name", equalTo(List.of("admin")));
        as(sim, admin).queryParam("project", "HR").get("/rest/api/2/user/assignable/search").then().body("name", equalTo(List.of("admin")));
        as(sim, admin).queryParam("project", "DCP").queryParam("maxResults", 1).get("/rest/api/2/user/assignable/search").then()
                .body("name", equalTo(List.of("admin")));
        // A project or issue jdoe may not see does not exist for him.
        as(sim, JDOE_PAT).queryParam("project", "HR").get("/rest/api/2/user/assignable/search").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("No project could be found with key 'HR'.")));
        as(sim, JDOE_PAT).queryParam("issueKey", "HR-1").get("/rest/api/2/user/assignable/search").then().statusCode(404)
                .body("errorMessages", equalTo(List.of("Issue Does Not Exist")));
        as(sim, JDOE_PAT).get("/rest/api/2/user/assignable/search").then().statusCode(400);
    }
}
