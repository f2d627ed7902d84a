package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every URL the simulator writes that points back at itself resolves: starting from a broad set of responses,
 * the crawl requests each such URL with the same token and follows what those answer, a few hops deep.
 * URLs on other hosts (the site's icons, avatar CDNs) are not ours to serve and are left out.
 */
@ExtendWith(SimulatorExtension.class)
class SelfLinksHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> broken = new ArrayList<>();
        int followed = 0;
        while (!queue.isEmpty() && seen.size() < 2_000) {
            String url = queue.poll();
            Response r = RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get(url);
            followed++;
            if (r.statusCode() != 200) {
                broken.add(r.statusCode() + " " + url);
                continue;
            }
            if (!String.valueOf(r.contentType()).startsWith("application/json")) continue;
            for (String link : links(JSON.readTree(r.asByteArray()), sim.baseUrl())) {
                if (seen.add(link)) queue.add(link);
            }
        }
        assertTrue(broken.isEmpty(), "links that do not resolve:\n" + String.join("\n", broken));
        assertTrue(followed > 60, "the crawl should reach well beyond its start, reached " + followed);
        assertEquals(0, queue.size(), "the crawl stopped early");
    }

    /** Every string value in the tree that is a URL on the simulator. */
    private static List<String> links(JsonNode node, String base) {
        var out = new ArrayList<String>();
        collect(node, base, out);
        return out;
    }

    private static void collect(JsonNode node, String base, List<String> out) {
        if (node.isTextual() && node.textValue().startsWith(base + "/")) out.add(node.textValue());
        node.forEach(child -> collect(child, base, out));
    }
}
