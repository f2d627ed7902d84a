package dev.jirasim.simulator.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.world.Consent;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard and the OAuth debugger over plain HTTP: what they show, their forms, and who may press them. */
class DashboardHttpTest {
    private static final String TOKEN = "a-long-enough-admin-token-1234";
    private static final Pattern CSRF = Pattern.compile("name='csrf' value='([^']+)'");

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the page carries a CSRF token");
        return m.group(1);
    }

    private static String page(String base) {
        return given().baseUri(base).accept("text/html,application/xhtml+xml").get("/").then().statusCode(200)
                .contentType(containsString("text/html")).header("X-Frame-Options", "DENY").header("Cache-Control", "no-store")
                .extract().asString();
    }

    @Test
    void browsersGetThePageAndEveryoneElseTheJsonIndex() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            String html = page(sim.baseUrl());
            for (String shown : List.of("jirasim-client", "jirasim-secret", "alice@acme.test", "id='clock-now'", "id='journal-rows'",
                    "/__admin/debugger/callback", OAuth.ACME)) {
                assertTrue(html.contains(shown), "the dashboard shows " + shown);
            }
            given().baseUri(sim.baseUrl()).accept("application/json").get("/").then().statusCode(200).body("name", equalTo("Jirasim"));
            given().baseUri(sim.baseUrl()).accept("*/*").get("/").then().statusCode(200).contentType(containsString("json"));
        }
    }

    @Test
    void aFormWithTheCsrfTokenMovesTheClockAndOneWithoutItOrFromElsewhereDoesNot() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            sim.control().setClock(null, true);
            var before = sim.control().now();
            String csrf = csrf(page(sim.baseUrl()));
            given().baseUri(sim.baseUrl()).formParam("seconds", "3600").post("/__admin/dashboard/clock-advance").then().statusCode(403)
                    .body("error", equalTo("forbidden"));
            given().baseUri(sim.baseUrl()).formParam("seconds", "3600").formParam("csrf", "forged").post("/__admin/dashboard/clock-advance")
                    .then().statusCode(403);
            given().baseUri(sim.baseUrl()).header("Sec-Fetch-Site", "cross-site").formParam("seconds", "3600").formParam("csrf", csrf)
                    .post("/__admin/dashboard/clock-advance").then().statusCode(403);
            given().baseUri(sim.baseUrl()).header("Origin", "http://evil.test").formParam("seconds", "3600").formParam("csrf", csrf)
                    .post("/__admin/dashboard/clock-advance").then().statusCode(403);
            assertEquals(before, sim.control().now(), "no refused form moved the clock");

            given().baseUri(sim.baseUrl()).redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                    .formParam("seconds", "3600").formParam("csrf", csrf).post("/__admin/dashboard/clock-advance")
                    .then().statusCode(303).header("Location", sim.baseUrl() + "/");
            assertEquals(Duration.ofHours(1), Duration.between(before, sim.control().now()));
            given().baseUri(sim.baseUrl()).redirects().follow(false).formParam("now", "2027-01-02T03:04:05").formParam("csrf", csrf).post("/__admin/dashboard/clock-set")
                    .then().statusCode(303);
            assertEquals(java.time.Instant.parse("2027-01-02T03:04:05Z"), sim.control().now(), "a datetime-local value is taken as UTC");
            given().baseUri(sim.baseUrl()).formParam("now", "soon").formParam("csrf", csrf).post("/__admin/dashboard/clock-set").then().statusCode(400);
            given().baseUri(sim.baseUrl()).formParam("seconds", "-5").formParam("csrf", csrf).post("/__admin/dashboard/clock-advance")
                    .then().statusCode(400);
            given().baseUri(sim.baseUrl()).formParam("csrf", csrf).post("/__admin/dashboard/explode").then().statusCode(404);
        }
    }

    @Test
    void revokingAGrantFromTheDashboardEndsItsTokens() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            String access = new OAuth(sim).aliceTokens().path("access_token");
            String grant = sim.control().tokens().accessTokens().stream().filter(t -> t.token().equals(access)).findFirst().orElseThrow().grantId();
            String html = page(sim.baseUrl());
            assertTrue(html.contains("id='revoke-" + grant + "'"), html);
            assertFalse(html.contains(access), "live tokens are masked");
            given().baseUri(sim.baseUrl()).redirects().follow(false).formParam("grantId", grant).formParam("csrf", csrf(html))
                    .post("/__admin/dashboard/revoke").then().statusCode(303);
            new OAuth(sim).resources(access).then().statusCode(401);
            assertTrue(page(sim.baseUrl()).contains("revoked"));
        }
    }

    @Test
    void offLoopbackThePageAsksForTheAdminTokenAndKeepsACookieThatIsNotTheToken() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().adminToken(TOKEN).build())) {
            String signIn = page(sim.baseUrl());
            assertTrue(signIn.contains("id='token'") && !signIn.contains("jirasim-secret"), "only the sign-in form, no secrets");
            Response wrong = given().baseUri(sim.baseUrl()).redirects().follow(false).formParam("token", "nope").formParam("csrf", csrf(signIn))
                    .post("/__admin/dashboard/sign-in");
            wrong.then().statusCode(303).header("Location", containsString("sign-in=failed"));
            assertEquals(null, wrong.getCookie("jirasim_admin"));
            Response right = given().baseUri(sim.baseUrl()).redirects().follow(false).formParam("token", TOKEN).formParam("csrf", csrf(signIn))
                    .post("/__admin/dashboard/sign-in");
            right.then().statusCode(303).header("Set-Cookie", containsString("HttpOnly")).header("Set-Cookie", containsString("SameSite=Strict"));
            String cookie = right.getCookie("jirasim_admin");
            assertNotNull(cookie);
            assertFalse(cookie.contains(TOKEN));
            given().baseUri(sim.baseUrl()).cookie("jirasim_admin", cookie).accept("text/html").get("/").then().statusCode(200)
                    .body(containsString("jirasim-secret"));
            given().baseUri(sim.baseUrl()).cookie("jirasim_admin", cookie).get("/__admin/clock").then().statusCode(200);
            given().baseUri(sim.baseUrl()).cookie("jirasim_admin", cookie + "x").get("/__admin/clock").then().statusCode(401);
            given().baseUri(sim.baseUrl()).get("/__admin/debugger").then().statusCode(401);
        }
    }

    @Test
    void withoutAControlApiThePageOnlyShowsTheUrlMap() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().noAdmin(true).build())) {
            String html = page(sim.baseUrl());
            assertTrue(html.contains("--no-admin") && html.contains("/auth"), html);
            assertFalse(html.contains("jirasim-secret") || html.contains("<form"), html);
            given().baseUri(sim.baseUrl()).get("/__admin/debugger").then().statusCode(404);
        }
    }

    @Test
    void aTenantsDashboardPostsToTheTenant() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            String id = sim.createTenant("dash").id();
            String html = page(sim.baseUrl(id));
            assertTrue(html.contains("action='" + sim.baseUrl(id) + "/__admin/dashboard/clock-advance'"), html);
            given().baseUri(sim.baseUrl()).accept("text/html").get("/").then().body(containsString("/t/" + id + "/"));
        }
    }

    @Test
    void theDebuggerSignsInExchangesTheCodeAndShowsWhatTheTokenReaches() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            sim.control().consent(new Consent(Consent.Mode.AUTO, OAuth.ALICE, List.of("acme"), Consent.Decision.APPROVE));
            String start = given().baseUri(sim.baseUrl()).get("/__admin/debugger").then().statusCode(200).extract().asString();
            Matcher state = Pattern.compile("name='state' value='([^']+)'").matcher(start);
            assertTrue(state.find(), start);
            String callback = sim.baseUrl() + "/__admin/debugger/callback";
            String location = given().baseUri(sim.baseUrl()).redirects().follow(false).queryParam("audience", "api.atlassian.com")
                    .queryParam("client_id", OAuth.CLIENT_ID).queryParam("scope", "read:jira-work read:me offline_access")
                    .queryParam("redirect_uri", callback).queryParam("state", state.group(1)).queryParam("response_type", "code")
                    .queryParam("prompt", "consent").get("/auth/authorize").then().statusCode(302).extract().header("Location");
            assertTrue(location.startsWith(callback), location);
            String landing = given().get(URI.create(location)).then().statusCode(200).extract().asString();
            assertTrue(landing.contains("id='state-ok'"), "the state is the debugger's own");
            String code = location.replaceAll(".*code=([^&]+).*", "$1");
            assertTrue(landing.contains(code));
            String tokens = given().baseUri(sim.baseUrl()).formParam("code", code).formParam("client_id", OAuth.CLIENT_ID)
                    .formParam("csrf", csrf(landing)).post("/__admin/debugger/exchange").then().statusCode(200).extract().asString();
            assertTrue(tokens.contains("<span id='token-status'>200</span>"), tokens);
            assertTrue(tokens.contains(OAuth.ACME) && !tokens.contains(OAuth.GLOBEX), "accessible-resources: the granted site only");
            assertTrue(tokens.contains("<span id='me-status'>200</span>") && tokens.contains(OAuth.ALICE_ID), tokens);
            for (var issued : sim.control().tokens().accessTokens()) assertFalse(tokens.contains(issued.token()), "access tokens are masked on the page");
            // A state the debugger never issued is called out, as an app must refuse it.
            given().baseUri(sim.baseUrl()).queryParam("code", "x").queryParam("state", "forged").get("/__admin/debugger/callback")
                    .then().statusCode(200).body(containsString("state-unknown")).body(not(containsString("state-ok")));
        }
    }
}
