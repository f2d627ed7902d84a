package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.world.CloudOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annotation's cloud options, and the world builder switching them back. */
@Jirasim(localSiteUrls = true, shuffleAccessibleResources = true)
class CloudOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resources(JirasimHandle sim, String token) throws Exception {
        Http.Answer a = Http.get(sim.apiUrl() + "/oauth/token/accessible-resources", token);
        assertEquals(200, a.status(), a.body());
        return JSON.readTree(a.body());
    }

    @Test
    void sitesAreNamedByTheTenantsSiteHostAndListedInAShiftingOrder(JirasimHandle sim) throws Exception {
        String token = sim.tokens("alice@acme.test", "acme", "globex").accessToken();
        var firsts = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            JsonNode sites = resources(sim, token);
            assertEquals(2, sites.size());
            for (JsonNode site : sites) {
                String subdomain = site.path("id").asText().equals(sim.cloudId("acme")) ? "acme" : "globex";
                assertEquals(sim.baseUrl() + "/site/" + subdomain, site.path("url").asText());
            }
            firsts.add(sites.get(0).path("id").asText());
        }
        assertNotEquals(sim.cloudId("acme"), firsts.get(0), "the first answer does not start with the first site granted");
        assertNotEquals(firsts.get(0), firsts.get(1));
        assertNotEquals(firsts.get(1), firsts.get(2));
    }

    @Test
    void theWorldBuilderCanTurnThemBackOff(JirasimHandle sim) throws Exception {
        sim.world().siteUrls(CloudOptions.SiteUrls.REAL).shuffleAccessibleResources(false).apply();
        String token = sim.tokens("alice@acme.test", "acme", "globex").accessToken();
        List<String> firstIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode sites = resources(sim, token);
            firstIds.add(sites.get(0).path("id").asText());
            for (JsonNode site : sites) {
                String subdomain = site.path("id").asText().equals(sim.cloudId("acme")) ? "acme" : "globex";
                assertEquals("https://" + subdomain + ".atlassian.net", site.path("url").asText());
            }
        }
        assertEquals(firstIds.get(0), firstIds.get(1), "a stable order");
    }
}
