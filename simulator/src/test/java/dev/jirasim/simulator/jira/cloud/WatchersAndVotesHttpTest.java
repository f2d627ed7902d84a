package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Watchers: the caller by default, others with "Manage watchers"; votes, never on one's own issue. */
@ExtendWith(SimulatorExtension.class)
class WatchersAndVotesHttpTest {

    @Test
    void anEmptyPostWatchesAsTheCaller(JirasimServer sim) {
        Jira bob = Jira.bob(sim);
        bob.acme(3).get("/issue/ACME-1/watchers").then().statusCode(200).body("watchCount", equalTo(0)).body("isWatching", equalTo(false));
        bob.acme(3).post("/issue/ACME-1/watchers").then().statusCode(204);
        String bobId = bob.acme(3).get("/myself").path("accountId");
        bob.acme(3).get("/issue/ACME-1/watchers").then().body("watchCount", equalTo(1)).body("isWatching", equalTo(true))
                .body("watchers.accountId", contains(bobId));
        bob.acme(3).get("/issue/ACME-1?fields=watches").then().body("fields.watches.watchCount", equalTo(1))
                .body("fields.watches.isWatching", equalTo(true));
        Jira.alice(sim).acme(3).get("/issue/ACME-1?fields=watches").then().body("fields.watches.isWatching", equalTo(false));
        // Someone else: bob does not administer ACME.
        bob.acme(3).contentType("application/json").body("\"" + OAuth.ALICE_ID + "\"").post("/issue/ACME-1/watchers").then().statusCode(403);
        bob.acme(3).contentType("application/json").body("{\"accountId\":1}").post("/issue/ACME-1/watchers").then().statusCode(400);
        bob.acme(3).queryParam("accountId", bobId).delete("/issue/ACME-1/watchers").then().statusCode(204);
        bob.acme(3).get("/issue/ACME-1/watchers").then().body("watchers", empty());
        bob.acme(3).delete("/issue/ACME-1/watchers").then().statusCode(400);
    }

    @Test
    void anAdminAddsOthersWhoCanSeeTheIssue(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String bobId = Jira.bob(sim).acme(3).get("/myself").path("accountId");
        alice.acme(3).contentType("application/json").body("\"" + bobId + "\"").post("/issue/ACME-1/watchers").then().statusCode(204);
        alice.acme(3).get("/issue/ACME-1/watchers").then().body("watchers.accountId", contains(bobId));
        alice.acme(3).contentType("application/json").body("\"" + bobId + "\"").post("/issue/SEC-1/watchers").then().statusCode(400);
        alice.acme(3).contentType("application/json").body("\"nobody\"").post("/issue/ACME-1/watchers").then().statusCode(404);
    }

    @Test
    void votesCountAndNeverOnOnesOwnIssue(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String key = alice.acme(3).contentType("application/json").body(Map.of("fields", Map.of("project", Map.of("key", "ACME"),
                "summary", "vote for me", "issuetype", Map.of("name", "Task")))).post("/issue").path("key");
        alice.acme(3).post("/issue/" + key + "/votes").then().statusCode(404)
                .body("errorMessages[0]", equalTo("You cannot vote for an issue you have reported."));
        Jira bob = Jira.bob(sim);
        bob.acme(3).post("/issue/" + key + "/votes").then().statusCode(204);
        bob.acme(3).post("/issue/" + key + "/votes").then().statusCode(204);
        bob.acme(3).get("/issue/" + key + "/votes").then().statusCode(200).body("votes", equalTo(1)).body("hasVoted", equalTo(true));
        alice.acme(2).get("/issue/" + key + "?fields=votes").then().body("fields.votes.votes", equalTo(1)).body("fields.votes.hasVoted", equalTo(false));
        bob.acme(3).delete("/issue/" + key + "/votes").then().statusCode(204);
        bob.acme(3).delete("/issue/" + key + "/votes").then().statusCode(404);
        bob.acme(3).get("/issue/" + key + "/votes").then().body("votes", equalTo(0)).body("voters", empty());
    }
}
