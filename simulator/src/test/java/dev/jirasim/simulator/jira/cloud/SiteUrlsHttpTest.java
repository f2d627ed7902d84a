package dev.jirasim.simulator.jira.cloud;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.world.CloudOptions;
import dev.jirasim.simulator.world.WorldFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cloud options: {@code siteUrls} (real by default; local names sites by the simulator's own site host, so a
 * client that follows the URLs it is given stays local) and {@code shuffleAccessibleResources} (gotcha 1: the order
 * of accessible-resources means nothing). Also the site host inside a tenant.
 */
class SiteUrlsHttpTest {
    static final String ALICE_TOKEN = SiteHostHttpTest.ALICE_TOKEN;

    private static String bearer(JirasimServer sim, String... sites) {
        return "Bearer " + sim.control().issueTokens(TokenRequestSpec.forUser(OAuth.ALICE, sites)).accessToken();
    }

    @Test
    void byDefaultSitesKeepTheirRealUrls() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            given().baseUri(sim.apiUrl()).header("Authorization", bearer(sim, "acme")).get("/oauth/token/accessible-resources")
                    .then().statusCode(200).body("[0].url", equalTo("https://acme.atlassian.net"));
            given().baseUri(sim.baseUrl()).header("Authorization", bearer(sim, "acme"))
                    .get("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/serverInfo")
                    .then().statusCode(200).body("baseUrl", equalTo("https://acme.atlassian.net"));
        }
    }

    @Test
    void withLocalSiteUrlsAClientThatFollowsTheUrlItIsGivenStaysLocal() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().siteUrls(CloudOptions.SiteUrls.LOCAL).build())) {
            String auth = bearer(sim, "acme", "globex");
            List<String> urls = given().baseUri(sim.apiUrl()).header("Authorization", auth).get("/oauth/token/accessible-resources")
                    .then().statusCode(200).extract().path("url");
            assertEquals(Set.of(sim.baseUrl() + "/site/acme", sim.baseUrl() + "/site/globex"), new HashSet<>(urls));
            given().baseUri(sim.baseUrl()).header("Authorization", auth).get("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/serverInfo")
                    .then().statusCode(200).body("baseUrl", equalTo(sim.baseUrl() + "/site/acme"))
                    .body("displayUrl", equalTo(sim.baseUrl() + "/site/acme"));
            // Following the URL with an API token reaches the site host, whose own serverInfo names the same URL.
            String acme = urls.stream().filter(u -> u.endsWith("/acme")).findFirst().orElseThrow();
            given().baseUri(acme).auth().preemptive().basic(OAuth.ALICE, ALICE_TOKEN).get("/rest/api/3/serverInfo")
                    .then().statusCode(200).body("baseUrl", equalTo(acme));
            given().baseUri(acme).auth().preemptive().basic(OAuth.ALICE, ALICE_TOKEN).get("/rest/api/3/myself")
                    .then().statusCode(200).body("self", startsWith(acme + "/rest/api/3/user"));
            // The option is part of the seed: a reset keeps it, and exports carry it.
            sim.control().reset();
            assertEquals(CloudOptions.SiteUrls.LOCAL, sim.control().exportWorld().cloud().siteUrls());
        }
    }

    @Test
    void shuffledAccessibleResourcesNeverStartTwiceInARowWithTheSameSite() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            WorldFile world = sim.control().exportWorld();
            sim.control().replaceWorld(world.withCloud(CloudOptions.DEFAULTS.withShuffleAccessibleResources(true)));
            String auth = bearer(sim, "acme", "globex");
            List<String> unshuffled = List.of(OAuth.ACME, OAuth.GLOBEX);
            var firsts = new ArrayList<String>();
            for (int i = 0; i < 4; i++) {
                List<String> ids = given().baseUri(sim.apiUrl()).header("Authorization", auth).get("/oauth/token/accessible-resources")
                        .then().statusCode(200).extract().path("id");
                assertEquals(new HashSet<>(unshuffled), new HashSet<>(ids), "every granted site, once");
                assertEquals(2, ids.size());
                firsts.add(ids.get(0));
            }
            assertNotEquals(OAuth.ACME, firsts.get(0), "the first answer does not start with the first site granted");
            for (int i = 1; i < firsts.size(); i++) assertNotEquals(firsts.get(i - 1), firsts.get(i), "two answers in a row: " + firsts);
        }
    }

    @Test
    void theSiteHostInsideATenantLinksWithinTheTenant() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            sim.createTenant("team-a", sim.seed().withCloud(CloudOptions.DEFAULTS.withSiteUrls(CloudOptions.SiteUrls.LOCAL)));
            String site = sim.baseUrl("team-a") + "/site/acme";
            given().baseUri(site).auth().preemptive().basic(OAuth.ALICE, ALICE_TOKEN).get("/rest/api/3/issue/ACME-1")
                    .then().statusCode(200).body("self", startsWith(site + "/rest/api/3/issue/"));
            given().baseUri(site).get("/_edge/tenant_info").then().statusCode(200).body("cloudId", equalTo(OAuth.ACME));
            given().baseUri(site).auth().preemptive().basic(OAuth.ALICE, "wrong").get("/rest/api/3/myself")
                    .then().statusCode(401).header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
            String token = sim.control("team-a").issueTokens(TokenRequestSpec.forUser(OAuth.ALICE, "acme")).accessToken();
            given().baseUri(sim.baseUrl("team-a")).header("Authorization", "Bearer " + token).get("/api/oauth/token/accessible-resources")
                    .then().statusCode(200).body("[0].url", equalTo(site));
        }
    }
}
