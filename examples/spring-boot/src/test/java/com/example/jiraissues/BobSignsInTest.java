package com.example.jiraissues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Bob may not browse SEC: the same app, signed in as him, never lists its issues. */
@Jirasim(lifecycle = Lifecycle.PER_CLASS, consentAs = "bob@acme.test")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BobSignsInTest {
    static JirasimHandle sim;

    @DynamicPropertySource
    static void atlassianIsJirasim(DynamicPropertyRegistry registry) {
        AtlassianOnJirasim.register(registry, sim);
    }

    @LocalServerPort
    int port;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void registerTheCallback() {
        AtlassianOnJirasim.allowRedirectUri(sim, port);
    }

    @Test
    void bobsIssuesLeaveOutTheProjectHeMayNotBrowse() {
        var page = new Browser().get("http://localhost:" + port + "/jira/issues");

        assertEquals(200, page.statusCode(), Browser.trail(page) + page.body());
        var keys = JsonMapper.builder().build().readValue(page.body(), IssuesController.Issues.class).keys();
        assertEquals(120, keys.size(), "ACME and OPS, 60 issues each, over three pages");
        assertTrue(keys.stream().allMatch(k -> k.startsWith("ACME-") || k.startsWith("OPS-")), keys.toString());
    }

    /**
     * Spring caches application contexts across test classes; this one must belong to this class's world, not to
     * the world of a class that ran before (that world is gone). @DirtiesContext and a @DynamicPropertySource per
     * class see to it.
     */
    @Test
    void theAppTalksToThisClassesWorld() {
        var atlassian = registrations.findByRegistrationId("atlassian").getProviderDetails();
        assertEquals(sim.authUrl() + "/authorize", atlassian.getAuthorizationUri());
        assertEquals(sim.authUrl() + "/oauth/token", atlassian.getTokenUri());
        assertEquals(sim.apiUrl() + "/me", atlassian.getUserInfoEndpoint().getUri());
    }
}
