package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.LinkCrawl;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every URL the simulator writes that points back at itself resolves: starting from a broad set of responses,
 * the crawl requests each such URL with the same token and follows what those answer, a few hops deep.
 * URLs on other hosts (the site's icons, avatar CDNs) are not ours to serve and are left out.
 */
@ExtendWith(SimulatorExtension.class)
class SelfLinksHttpTest {
    @Test
    void everyLinkBackToTheSimulatorAnswers200(JirasimServer sim) throws Exception {
        Jira alice = Jira.alice(sim);
        alice.on(OAuth.ACME, 2).contentType("application/json").body("{\"body\":\"a comment to link to\"}").post("/issue/ACME-1/comment")
                .then().statusCode(201);
        String token = alice.token();
        String v3 = sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/3";
        String v2 = sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME + "/rest/api/2";
        Deque<String> queue = new ArrayDeque<>();
        for (String base : List.of(v3, v2)) {
            for (String path : List.of("/search/jql?jql=project%20in%20(ACME,OPS,SEC)%20order%20by%20key&fields=*all&maxResults=20",
                    "/issue/ACME-1", "/issue/ACME-1/comment", "/project/ACME", "/project/search", "/project", "/myself?expand=groups",
                    "/user?accountId=" + OAuth.ALICE_ID, "/users/search", "/field", "/issuetype", "/priority", "/status",
                    "/statuscategory", "/resolution", "/serverInfo")) {
                queue.add(base + path);
            }
        }
        List<String> broken = LinkCrawl.broken(queue, List.of(), token, sim.baseUrl(), (url, status) -> false);
        assertTrue(broken.isEmpty(), "links that do not resolve:\n" + String.join("\n", broken));
    }
}
