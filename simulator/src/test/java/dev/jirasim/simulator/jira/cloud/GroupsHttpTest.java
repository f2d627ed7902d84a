package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The site's groups: a user's groups, a group and its members, and the pickers. */
@ExtendWith(SimulatorExtension.class)
class GroupsHttpTest {
    private static final String BOB_ID = "5f8a1c2e4b7d9e0011a2b3c5";
    private static final String USERS = "9a1b2c3d-0001-4e5f-8a9b-acme00000001";

    @Test
    void aUsersGroupsOnThisSite(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("accountId", OAuth.ALICE_ID).get("/user/groups").then().statusCode(200)
                .body("name", contains("jira-software-users", "site-admins"));
        alice.acme(3).queryParam("accountId", BOB_ID).queryParam("expand", "groups").get("/user").then().statusCode(200)
                .body("groups.size", equalTo(1)).body("groups.items.name", contains("jira-software-users"));
        alice.acme(3).queryParam("accountId", BOB_ID).get("/user").then().body("groups.size", equalTo(1)).body("groups.items", empty());
        alice.acme(3).get("/myself").then().body("groups.size", equalTo(2));
        alice.acme(3).queryParam("expand", "groups").get("/myself").then().body("groups.items.groupId", contains(USERS,
                "9a1b2c3d-0002-4e5f-8a9b-acme00000002"));
        alice.on(OAuth.GLOBEX, 3).queryParam("accountId", OAuth.ALICE_ID).get("/user/groups").then().body("name", contains("jira-software-users"))
                .body("[0].groupId", equalTo("9a1b2c3d-0003-4e5f-8a9b-globex000003"));
    }

    @Test
    void aGroupAndItsMembersForAdministrators(JirasimServer sim) {
        Jira admin = Jira.as(sim, OAuth.ALICE, List.of("acme"), "read:jira-work read:jira-user manage:jira-configuration");
        admin.acme(3).queryParam("groupId", USERS).get("/group").then().statusCode(200).body("name", equalTo("jira-software-users"))
                .body("users.size", equalTo(2));
        admin.acme(3).queryParam("groupname", "site-admins").get("/group/member").then().statusCode(200)
                .body("values.accountId", contains(OAuth.ALICE_ID)).body("total", equalTo(1)).body("isLast", equalTo(true));
        admin.acme(3).queryParam("groupname", "nobody").get("/group/member").then().statusCode(404);
        admin.acme(3).get("/group/member").then().statusCode(400);
        Jira.as(sim, "bob@acme.test", List.of("acme"), "manage:jira-configuration").acme(3).queryParam("groupId", USERS)
                .get("/group/member").then().statusCode(403);
    }

    @Test
    void pickersFindGroupsAndPeopleByPartOfTheirName(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).queryParam("query", "admin").get("/groups/picker").then().statusCode(200)
                .body("total", equalTo(1)).body("groups[0].html", equalTo("site-<b>admin</b>s"));
        alice.acme(3).queryParam("query", "a").get("/groupuserpicker").then().statusCode(200)
                .body("users.users.accountId", containsInAnyOrder(OAuth.ALICE_ID))
                .body("groups.groups.name", containsInAnyOrder("jira-software-users", "site-admins"));
        alice.acme(3).get("/groupuserpicker").then().statusCode(400);
    }
}
