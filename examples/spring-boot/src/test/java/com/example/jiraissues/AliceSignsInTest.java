package com.example.jiraissues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.Lifecycle;
import dev.jirasim.junit.RequestPattern;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Alice signs in through Atlassian's 3LO flow (Jirasim approves consent as her) and lists her issues. */
// doc:begin test-class
@Jirasim(lifecycle = Lifecycle.PER_CLASS)              // one world for this class: the app below is started once for it
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext                                        // the world is dropped after the class: never reuse this app
class AliceSignsInTest {
    static JirasimHandle sim;                          // set by @Jirasim before Spring starts the app

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
    // doc:end

    @Test
    void aliceSeesTheSecurityProject() {
        var page = new Browser().get("http://localhost:" + port + "/jira/issues?jql=project%20%3D%20SEC%20ORDER%20BY%20key");

        assertEquals(200, page.statusCode(), Browser.trail(page) + page.body());
        var issues = JsonMapper.builder().build().readValue(page.body(), IssuesController.Issues.class);
        assertEquals("acme", issues.site());
        assertEquals(sim.cloudId("acme"), issues.cloudId());
        assertEquals(IntStream.rangeClosed(1, 60).mapToObj(n -> "SEC-" + n).toList(), issues.keys(), "two pages of the search, in order");
    }

    @Test
    void theSignInIsAtlassians3loFlowWithTheSecretInTheBody() {
        sim.journal().clear();
        var page = new Browser().get("http://localhost:" + port + "/jira/issues");
        assertEquals(200, page.statusCode(), Browser.trail(page) + page.body());

        List<String> trail = Browser.trail(page).stream().map(URI::getPath).toList();
        assertEquals(List.of("/jira/issues", "/oauth2/authorization/atlassian", URI.create(sim.authUrl()).getPath() + "/authorize",
                "/login/oauth2/code/atlassian", "/jira/issues"), trail);
        sim.journal().verify(1, RequestPattern.get("/auth/authorize")
                .withQueryParam("audience", "api.atlassian.com")
                .withQueryParam("prompt", "consent")
                .withQueryParam("response_type", "code")
                .withQueryParam("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/atlassian")
                .withQueryParam("scope", "read:jira-work%20read:jira-user%20read:me%20offline_access"));
        // client_secret_post: the secret travels in the form body (masked in the journal), never in a Basic header.
        sim.journal().verify(1, RequestPattern.post("/auth/oauth/token")
                .withBodyContaining("grant_type=authorization_code")
                .withBodyContaining("client_id=jirasim-client")
                .withBodyContaining("client_secret=jira")
                .withoutHeader("Authorization")
                .withStatus(200));
        sim.journal().verify(1, RequestPattern.get("/api/me").withHeader("Authorization").withStatus(200));
        sim.journal().verify(1, RequestPattern.get("/api/oauth/token/accessible-resources").withStatus(200));
        sim.journal().verify(RequestPattern.post("/api/ex/jira/" + sim.cloudId("acme") + "/rest/api/3/search/jql").withStatus(200));
        sim.journal().verifyNone(RequestPattern.any("/api/ex/jira/*/rest/api/3/search"));   // the removed legacy search
    }
}
