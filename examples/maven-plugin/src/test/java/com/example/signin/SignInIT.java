package com.example.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs under Failsafe against the simulator that jirasim-maven-plugin's start goal forked: its URL comes in as the
 * system property jirasim.baseUrl (see the pom). Consent is automated through the control API, so no browser.
 */
class SignInIT {
    private static final String BASE = System.getProperty("jirasim.baseUrl");
    private static final String SCOPE = "read:jira-work read:me offline_access";
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtlassianSignIn signIn = new AtlassianSignIn(BASE + "/auth", BASE + "/api",
            "jirasim-client", "jirasim-secret", "http://localhost:3000/callback");

    @BeforeEach
    void freshWorld() throws Exception {
        assertNotNull(BASE, "jirasim.baseUrl is set by the plugin's start goal and passed on by Failsafe");
        // The conformance goal shares this simulator and leaves its last scenario's state behind.
        assertEquals(204, control("POST", "/reset", null));
    }

    @Test
    void aliceSignsInAndTheTokenReachesBothOfHerSites() throws Exception {
        assertEquals(200, control("PUT", "/consent", """
                {"mode":"auto","user":"alice@acme.test","sites":["acme","globex"],"decision":"approve"}"""));

        var tokens = signIn.exchange(codeFrom(signIn.authorizationUrl(SCOPE, "state-1"), "state-1"));

        assertEquals(3600, tokens.expiresIn());
        assertNotNull(tokens.refreshToken(), "offline_access brings a refresh token");
        var names = signIn.sites(tokens).stream().map(AtlassianSignIn.Site::name).sorted().toList();
        assertEquals(java.util.List.of("acme", "globex"), names);
    }

    @Test
    void bobSignsInAndReachesOnlyAcme() throws Exception {
        assertEquals(200, control("PUT", "/consent", """
                {"mode":"auto","user":"bob@acme.test","decision":"approve"}"""));

        var tokens = signIn.exchange(codeFrom(signIn.authorizationUrl(SCOPE, "state-2"), "state-2"));

        var sites = signIn.sites(tokens);
        assertEquals(1, sites.size());
        assertEquals("acme", sites.get(0).name());
        assertTrue(sites.get(0).url().startsWith("https://acme."), sites.get(0).url());
    }

    /** What the browser would bring back to the callback: the code in the authorize redirect. */
    private String codeFrom(URI authorize, String state) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("http://localhost:3000/callback?"), location);
        assertTrue(location.contains("state=" + state), location);
        var code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(code.find(), location);
        return code.group(1);
    }

    private int control(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(BASE + "/__admin" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
