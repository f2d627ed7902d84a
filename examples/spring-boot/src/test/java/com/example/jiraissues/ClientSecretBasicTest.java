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

/**
 * Why the registration says client_secret_post: with Spring's default, client_secret_basic, the client id and secret
 * go in a Basic header, which Atlassian does not document and Jirasim ignores, so the code exchange fails.
 */
@Jirasim(lifecycle = Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.client.registration.atlassian.client-authentication-method=client_secret_basic")
@DirtiesContext
class ClientSecretBasicTest {
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
    void theSecretInABasicHeaderFailsTheSignIn() {
        var page = new Browser().get("http://localhost:" + port + "/jira/issues");

        var last = Browser.trail(page).get(Browser.trail(page).size() - 1);
        assertEquals("/login", last.getPath(), "Spring's sign-in failure page");
        assertEquals("error", last.getQuery());
        assertTrue(page.body().contains("Invalid credentials"), page.body());
        sim.journal().verify(1, RequestPattern.post("/auth/oauth/token")     // Missing required parameter: client_id
                .withHeader("Authorization")
                .where("no client id or secret in the body", e -> !e.body().contains("client_id=") && !e.body().contains("client_secret="))
                .withStatus(400));
        sim.journal().verifyNone(RequestPattern.any("/api/**"));
    }
}
