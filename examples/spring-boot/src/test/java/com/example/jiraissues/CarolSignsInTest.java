package com.example.jiraissues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.Lifecycle;
import dev.jirasim.junit.RequestPattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Carol works on globex only: she signs in, but the app's site (acme) is not among hers, so she gets no issues. */
@Jirasim(lifecycle = Lifecycle.PER_CLASS, consentAs = "carol@globex.test")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CarolSignsInTest {
    static JirasimHandle sim;

    @DynamicPropertySource
    static void atlassianIsJirasim(DynamicPropertyRegistry registry) {
        AtlassianOnJirasim.register(registry, sim);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void registerTheCallback() {
        AtlassianOnJirasim.allowRedirectUri(sim, port);
    }

    @Test
    void aSiteTheUserDidNotGrantIsRefusedWithoutASearch() {
        var page = new Browser().get("http://localhost:" + port + "/jira/issues");

        assertEquals(403, page.statusCode(), Browser.trail(page) + page.body());
        assertTrue(Browser.trail(page).stream().anyMatch(uri -> uri.getPath().equals("/login/oauth2/code/atlassian")), "she did sign in");
        sim.journal().verify(1, RequestPattern.get("/api/oauth/token/accessible-resources").withStatus(200));
        sim.journal().verifyNone(RequestPattern.any("/api/ex/jira/**"));
    }
}
