package dev.jirasim.simulator.server;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server, not each route, records request bodies in the journal: the Nango proxy's and the
 * upstream call it makes, consent-page form posts, and a body the route refused to read.
 */
@ExtendWith(SimulatorExtension.class)
class JournalBodiesHttpTest {
    private static final String NANGO_SECRET = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";

    private static JournalEntry only(JirasimServer sim, String method, String path) {
        List<JournalEntry> matching = sim.control().journal().stream()
                .filter(e -> e.method().equals(method) && e.path().equals(path)).toList();
        assertEquals(1, matching.size(), method + " " + path + " in " + sim.control().journal());
        return matching.get(0);
    }

    @Test
    void aNangoProxyBodyIsJournaledOnBothHops(JirasimServer sim) {
        String body = "{\"fields\":{\"project\":{\"key\":\"ACME\"},\"summary\":\"journal me\",\"issuetype\":{\"name\":\"Task\"}}}";
        String upstream = "/api/ex/jira/" + OAuth.ACME + "/rest/api/3/issue";
        given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + NANGO_SECRET)
                .header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme")
                .contentType("application/json").body(body)
                .post("/nango/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/issue").then().statusCode(201);
        assertEquals(body, only(sim, "POST", "/nango/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/issue").body());
        assertEquals(body, only(sim, "POST", upstream).body());
    }

    @Test
    void consentPagePostsAreJournaled(JirasimServer sim) {
        var oauth = new OAuth(sim);
        var page = oauth.authorize(OAuth.authorizeParams(OAuth.SCOPES));
        page.then().statusCode(200);
        var tx = java.util.regex.Pattern.compile("name=\"tx\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(tx.find(), "no transaction id on the account page");
        oauth.http().cookies(page.getCookies()).formParam("tx", tx.group(1)).formParam("user", OAuth.ALICE_ID)
                .post("/auth/authorize/login").then().statusCode(200);
        String recorded = only(sim, "POST", "/auth/authorize/login").body();
        assertTrue(recorded.contains("user=" + OAuth.ALICE_ID), recorded);
    }

    @Test
    void aBodyTheRouteRefusesIsStillJournaled(JirasimServer sim) {
        given().baseUri(sim.baseUrl()).contentType("text/plain").body("not json at all")
                .post("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/search/jql").then().statusCode(401);
        assertEquals("not json at all", only(sim, "POST", "/api/ex/jira/" + OAuth.ACME + "/rest/api/3/search/jql").body());
    }
}
