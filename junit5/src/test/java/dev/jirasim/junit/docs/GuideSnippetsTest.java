package dev.jirasim.junit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.RequestPattern;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.world.Permission;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fragments docs/junit.md shows, each between {@code doc:begin} and {@code doc:end} (DocSnippetsTest keeps
 * the page and these regions equal), run with assertions on what they claim.
 */
@Jirasim
class GuideSnippetsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theClientAndTheSimulatorShareTheClock(JirasimHandle sim) throws Exception {
        // doc:begin
        Clock simulated = new Clock() {
            @Override public Instant instant() { return sim.clock().now(); }
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
        };
        // doc:end
        var client = new RefreshingClient(sim, simulated);
        // doc:begin
        sim.clock().freeze();
        client.call();                                   // uses the access token
        sim.clock().advance(Duration.ofMinutes(56));     // inside the client's refresh margin
        client.call();                                   // refreshes first, keeps the rotated refresh token
        sim.journal().verify(1, RequestPattern.post("/auth/oauth/token").withBodyContaining("refresh_token"));
        // doc:end
        assertEquals(2, sim.journal().count(RequestPattern.get("/api/ex/jira/*/rest/api/3/myself").withStatus(200)));
    }

    @Test
    void faultsAndRateLimits(JirasimHandle sim) throws Exception {
        String token = sim.tokens("alice@acme.test", "acme").accessToken();
        // doc:begin
        sim.faults().add(FaultRule.on("/api/ex/jira/**").status(503).times(1));          // one outage
        sim.faults().add(FaultRule.on("/api/me").delayMs(200));                           // latency
        sim.world().rateLimit(2, 0.5).apply();   // Jira's 429 with Retry-After after two calls, refilled on the clock
        // doc:end
        String myself = sim.jiraUrl("acme") + "/rest/api/3/myself";
        assertEquals(503, get(myself, token).statusCode(), "the one outage");
        int status = 0;
        HttpResponse<String> answer = null;
        for (int i = 0; i < 3 && status != 429; i++) {
            answer = get(myself, token);
            status = answer.statusCode();
        }
        assertEquals(429, status, "the bucket of two runs dry");
        assertNotNull(answer.headers().firstValue("Retry-After").orElse(null));
        sim.clock().advance(Duration.ofSeconds(4));                                        // refilled on the clock
        assertEquals(200, get(myself, token).statusCode());
        assertEquals(200, get(sim.apiUrl() + "/me", token).statusCode(), "slow, not failed");
    }

    @Test
    void verifyingRequests(JirasimHandle sim) throws Exception {
        var tokens = sim.tokens("alice@acme.test", "acme");
        assertEquals(200, post(sim.authUrl() + "/oauth/token", "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\","
                + "\"client_secret\":\"jirasim-secret\",\"refresh_token\":\"" + tokens.refreshToken() + "\"}").statusCode());
        assertEquals(200, get(sim.jiraUrl("acme") + "/rest/api/3/search/jql?jql=project%20%3D%20OPS", tokens.accessToken()).statusCode());
        // doc:begin
        sim.journal().verify(1, RequestPattern.post("/auth/oauth/token").withBodyContaining("\"grant_type\":\"refresh_token\""));
        sim.journal().verify(RequestPattern.get("/api/ex/jira/*/rest/api/3/search/jql").withHeader("Authorization").withStatus(200));
        sim.journal().verifyNone(RequestPattern.any("/api/ex/jira/*/rest/api/3/search"));   // the removed legacy search
        int limited = sim.journal().count(RequestPattern.get("/api/ex/jira/**").withStatus(429));
        // doc:end
        assertEquals(0, limited);
    }

    @Test
    void buildingAWorldInCode(JirasimHandle sim) throws Exception {
        // doc:begin
        sim.world()
           .site("umbrella")                                              // cloudId generated (v4-shaped, stable per name)
           .user("dana@umbrella.test", "Dana", "umbrella")                // account id generated
           .project("umbrella", "LAB", "Labs")
           .permit("LAB", "dana@umbrella.test", Permission.BROWSE, Permission.CREATE)
           .issue("LAB", "Containment breach", i -> i.status("In Progress").assignee("dana@umbrella.test").labels("red"))
           .app("my-app", "my-secret", "http://localhost:3000/callback")
           .legacySearch(false)
           .apply();
        // doc:end
        String token = sim.tokens("dana@umbrella.test", "umbrella").accessToken();
        var answer = get(sim.jiraUrl("umbrella") + "/rest/api/3/search/jql?fields=summary,status&jql="
                + URLEncoder.encode("project = LAB AND labels = red", StandardCharsets.UTF_8), token);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Containment breach") && answer.body().contains("In Progress"), answer.body());
        var app = sim.control().exportWorld().apps().stream().filter(a -> a.clientId().equals("my-app")).findFirst().orElseThrow();
        assertTrue(app.scopes().contains("read:jira-work") && app.scopes().contains("offline_access"), "a new app can be authorized");
        sim.world().callbackUrl("jirasim-client", "http://127.0.0.1:9/cb").apply();
        var demo = sim.control().exportWorld().apps().stream().filter(a -> a.clientId().equals("jirasim-client")).findFirst().orElseThrow();
        assertTrue(demo.callbackUrls().contains("http://127.0.0.1:9/cb") && demo.callbackUrls().contains("http://localhost:3000/callback"));
        assertTrue(demo.scopes().contains("manage:jira-webhook"), "the existing app keeps its scopes");
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }

    /** The smallest client the clock snippet needs: it refreshes five minutes before its token expires. */
    private static final class RefreshingClient {
        private static final Pattern FIELD = Pattern.compile("\"(access_token|refresh_token|expires_in)\":\"?([^\",}]+)");
        private final JirasimHandle sim;
        private final Clock clock;
        private String access;
        private String refresh;
        private Instant expires;

        RefreshingClient(JirasimHandle sim, Clock clock) {
            this.sim = sim;
            this.clock = clock;
            var tokens = sim.tokens("alice@acme.test", "acme");
            access = tokens.accessToken();
            refresh = tokens.refreshToken();
            expires = clock.instant().plusSeconds(tokens.expiresIn());
        }

        void call() throws Exception {
            if (clock.instant().isAfter(expires.minus(Duration.ofMinutes(5)))) {
                var answer = post(sim.authUrl() + "/oauth/token", "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\","
                        + "\"client_secret\":\"jirasim-secret\",\"refresh_token\":\"" + refresh + "\"}");
                assertEquals(200, answer.statusCode(), answer.body());
                Matcher m = FIELD.matcher(answer.body());
                while (m.find()) {
                    switch (m.group(1)) {
                        case "access_token" -> access = m.group(2);
                        case "refresh_token" -> refresh = m.group(2);
                        default -> expires = clock.instant().plusSeconds(Long.parseLong(m.group(2)));
                    }
                }
            }
            var answer = get(sim.jiraUrl("acme") + "/rest/api/3/myself", access);
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }
}
