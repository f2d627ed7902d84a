package dev.jirasim.simulator.dc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.Pkce;
import dev.jirasim.simulator.world.WorldFile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class DcOAuthHttpTest {
    static final String CALLBACK = "http://localhost:3000/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-a-long-enough-verifier";

    static RequestSpecification dc(JirasimServer sim) {
        return given().baseUri(sim.baseUrl() + "/dc/dc1").redirects().follow(false);
    }

    static Map<String, String> authorizeParams(String scope) {
        return Map.of("client_id", "dc-client", "redirect_uri", CALLBACK, "response_type", "code", "scope", scope, "state", "s-1",
                "code_challenge", Pkce.s256(VERIFIER), "code_challenge_method", "S256");
    }

    static String code(JirasimServer sim, String user, String scope) {
        sim.control().dcConsent("dc1", new DcInstance.DcConsent("auto", user, "approve"));
        String location = dc(sim).queryParams(authorizeParams(scope)).get("/rest/oauth2/latest/authorize")
                .then().statusCode(302).extract().header("Location");
        Map<String, String> q = OAuth.query(location);
        assertEquals("s-1", q.get("state"), location);
        return q.get("code");
    }

    static Response exchange(JirasimServer sim, String code, String verifier) {
        return dc(sim).formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK,
                "client_id", "dc-client", "client_secret", "dc-secret", "code_verifier", verifier)).post("/rest/oauth2/latest/token");
    }

    static Response refresh(JirasimServer sim, String token) {
        return dc(sim).formParams(Map.of("grant_type", "refresh_token", "refresh_token", token, "client_id", "dc-client",
                "client_secret", "dc-secret", "redirect_uri", CALLBACK)).post("/rest/oauth2/latest/token");
    }

    @Test
    void aPkceFlowForJdoeGivesTokensThatNameHim(JirasimServer sim) {
        sim.control().setClock(null, true);
        Response tokens = exchange(sim, code(sim, "jdoe", "READ"), VERIFIER);
        tokens.then().statusCode(200).body("token_type", equalTo("bearer")).body("expires_in", equalTo(3600))
                .body("created_at", equalTo((int) sim.control().now().getEpochSecond())).header("Cache-Control", "no-store");
        for (String version : List.of("2", "latest")) {
            dc(sim).auth().oauth2(tokens.path("access_token")).get("/rest/api/" + version + "/myself").then().statusCode(200)
                    .header("X-AUSERNAME", "jdoe").body("name", equalTo("jdoe")).body("key", equalTo("JIRAUSER10100"))
                    .body("accountId", equalTo(null)).body("self", equalTo(sim.baseUrl() + "/dc/dc1/rest/api/2/user?username=jdoe"));
        }
        dc(sim).get("/rest/api/2/serverInfo").then().statusCode(200).header("X-AUSERNAME", "anonymous")
                .body("deploymentType", equalTo("Server")).body("baseUrl", equalTo(sim.baseUrl() + "/dc/dc1"));
    }

    @Test
    void theDocumentedRefusals(JirasimServer sim) {
        sim.control().setClock(null, true);
        // A wrong code_verifier.
        exchange(sim, code(sim, "jdoe", "READ"), "not-the-verifier").then().statusCode(400).body("error", equalTo("invalid_grant"));
        // A Cloud scope never reaches the consent page.
        sim.control().dcConsent("dc1", new DcInstance.DcConsent("interactive", null, null));
        String denied = dc(sim).queryParams(authorizeParams("read:jira-work")).get("/rest/oauth2/latest/authorize")
                .then().statusCode(302).extract().header("Location");
        assertEquals("invalid_scope", OAuth.query(denied).get("error"), denied);
        // A JSON token request fails inside Jira's form-only resource: a 500.
        dc(sim).contentType("application/json").body(Map.of("grant_type", "authorization_code", "code", "x"))
                .post("/rest/oauth2/latest/token").then().statusCode(500).body("error", equalTo("server_error"));
        // An expired access token is no token at all: the request is anonymous.
        Response tokens = exchange(sim, code(sim, "jdoe", "READ"), VERIFIER);
        sim.control().advanceClock(Duration.ofSeconds(3600));
        dc(sim).auth().oauth2(tokens.path("access_token")).get("/rest/api/2/myself").then().statusCode(401)
                .header("X-AUSERNAME", "anonymous").body("errorMessages[0]", equalTo(DcErrors.NOT_AUTHENTICATED));
        // Its refresh token still works within 90 days, and rotates both tokens.
        Response next = refresh(sim, tokens.path("refresh_token"));
        next.then().statusCode(200);
        refresh(sim, tokens.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // After the refresh lifetime, the newest refresh token is refused too.
        sim.control().advanceClock(Duration.ofDays(90));
        refresh(sim, next.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // A wrong client secret, and an unknown grant type.
        dc(sim).formParams(Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id", "dc-client", "client_secret", "nope"))
                .post("/rest/oauth2/latest/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        dc(sim).formParams(Map.of("grant_type", "password", "client_id", "dc-client", "client_secret", "dc-secret"))
                .post("/rest/oauth2/latest/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void refreshingKillsTheOldAccessTokenAtOnce(JirasimServer sim) {
        Response tokens = exchange(sim, code(sim, "jdoe", "WRITE"), VERIFIER);
        Response next = refresh(sim, tokens.path("refresh_token"));
        next.then().statusCode(200);
        assertNotEquals(tokens.path("refresh_token"), next.<String>path("refresh_token"));
        dc(sim).auth().oauth2(tokens.path("access_token")).get("/rest/api/2/myself").then().statusCode(401);
        dc(sim).auth().oauth2(next.path("access_token")).get("/rest/api/2/myself").then().statusCode(200);
    }

    @Test
    void codesAreSingleUseAndLiveTenSeconds(JirasimServer sim) {
        sim.control().setClock(null, true);
        String code = code(sim, "jdoe", "READ");
        exchange(sim, code, VERIFIER).then().statusCode(200);
        exchange(sim, code, VERIFIER).then().statusCode(400).body("error", equalTo("invalid_grant"));
        String late = code(sim, "jdoe", "READ");
        sim.control().advanceClock(Duration.ofSeconds(10));
        exchange(sim, late, VERIFIER).then().statusCode(400);
    }

    @Test
    void theConsentPageDecidesWhenNothingIsAutomatic(JirasimServer sim) {
        Response page = dc(sim).queryParams(authorizeParams("READ WRITE")).queryParam("grant_type", "authorization_code")
                .get("/rest/oauth2/latest/authorize");
        page.then().statusCode(200).contentType(startsWith("text/html"));
        assertTrue(page.asString().contains("<code>WRITE</code>"), page.asString());
        var form = new java.util.LinkedHashMap<String, String>(authorizeParams("READ WRITE"));
        form.put("user", "jdoe");
        form.put("decision", "approve");
        var csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.asString());
        assertTrue(csrf.find(), page.asString());
        form.put("csrf", csrf.group(1));
        // Without the page's cookie (a form from another site), the decision is refused.
        dc(sim).formParams(form).post("/plugins/servlet/oauth2/consent").then().statusCode(403);
        String location = dc(sim).cookies(page.getCookies()).formParams(form).post("/plugins/servlet/oauth2/consent").then().statusCode(302)
                .extract().header("Location");
        assertTrue(OAuth.query(location).containsKey("code"), location);
        // A page answers once; a second page can deny.
        dc(sim).cookies(page.getCookies()).formParams(form).post("/plugins/servlet/oauth2/consent").then().statusCode(403);
        Response second = dc(sim).queryParams(authorizeParams("READ")).get("/rest/oauth2/latest/authorize");
        var csrf2 = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(second.asString());
        assertTrue(csrf2.find());
        form.put("csrf", csrf2.group(1));
        form.put("scope", "READ");
        form.put("decision", "deny");
        String denied = dc(sim).cookies(second.getCookies()).formParams(form).post("/plugins/servlet/oauth2/consent").then().statusCode(302)
                .extract().header("Location");
        assertEquals("access_denied", OAuth.query(denied).get("error"));
        // An unknown client or a foreign redirect_uri is an error page, never a redirect.
        var bad = new java.util.LinkedHashMap<String, String>(authorizeParams("READ"));
        bad.put("redirect_uri", "https://evil.example/cb");
        dc(sim).queryParams(bad).get("/rest/oauth2/latest/authorize").then().statusCode(400).contentType(startsWith("text/html"));
    }

    @Test
    void scopesNeverExceedTheUsersOwnRights(JirasimServer sim) {
        assertEquals(List.of("WRITE"), DcOAuthService.effective(List.of("ADMIN"), sim.defaultTenant().world().dataCenter("dc1").orElseThrow()
                .user("jdoe").orElseThrow()));
        assertEquals(List.of("SYSTEM_ADMIN"), DcOAuthService.effective(List.of("SYSTEM_ADMIN"), sim.defaultTenant().world().dataCenter("dc1")
                .orElseThrow().user("admin").orElseThrow()));
    }

    @Test
    void personalAccessTokensActAsTheirUserUntilTheyExpire(JirasimServer sim) {
        dc(sim).auth().oauth2("NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE").get("/rest/api/2/myself").then().statusCode(200)
                .body("name", equalTo("jdoe"));
        WorldFile w = sim.control().exportWorld();
        DcInstance dc1 = w.dataCenter().get(0);
        var expiring = new DcInstance.PersonalAccessToken("short-lived-token", "admin", "ci", sim.control().now().plusSeconds(60));
        sim.control().replaceWorld(w.withDataCenter(List.of(new DcInstance(dc1.id(), dc1.contextPath(), dc1.serverTitle(), dc1.version(),
                dc1.lifetimes(), dc1.users(), dc1.links(), List.of(expiring), dc1.consent()))));
        sim.control().setClock(null, true);
        dc(sim).auth().oauth2("short-lived-token").get("/rest/api/2/myself").then().statusCode(200).header("X-AUSERNAME", "admin");
        sim.control().advanceClock(Duration.ofSeconds(60));
        dc(sim).auth().oauth2("short-lived-token").get("/rest/api/2/myself").then().statusCode(401);
    }

    @Test
    void anInstanceWithAContextPathAnswersOnlyUnderIt(JirasimServer sim) {
        WorldFile w = sim.control().exportWorld();
        DcInstance dc1 = w.dataCenter().get(0);
        var projects = dc1.projects().stream().map(p -> new dev.jirasim.simulator.world.Project(p.id(), p.key(), p.name(), "dc2",
                p.projectTypeKey(), p.lead(), p.permissions())).toList();
        var withContext = new DcInstance("dc2", "/jira", dc1.serverTitle(), dc1.version(), dc1.lifetimes(), dc1.users(), dc1.links(),
                dc1.personalAccessTokens(), dc1.consent(), projects, new dev.jirasim.simulator.world.IssueGenerator.Spec(3L, 5), null);
        sim.control().replaceWorld(w.withDataCenter(List.of(dc1, withContext)));
        String pat = "NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE";
        given().baseUri(sim.baseUrl()).auth().oauth2(pat).get("/dc/dc2/jira/rest/api/2/myself").then().statusCode(200)
                .body("self", equalTo(sim.baseUrl() + "/dc/dc2/jira/rest/api/2/user?username=jdoe"));
        given().baseUri(sim.baseUrl()).get("/dc/dc2/jira/rest/api/latest/serverInfo").then().statusCode(200)
                .body("baseUrl", equalTo(sim.baseUrl() + "/dc/dc2/jira"));
        given().baseUri(sim.baseUrl()).auth().oauth2(pat).queryParam("jql", "project = DCP").queryParam("maxResults", 1)
                .get("/dc/dc2/jira/rest/api/2/search").then().statusCode(200)
                .body("issues[0].self", startsWith(sim.baseUrl() + "/dc/dc2/jira/rest/api/2/issue/"))
                .body("issues[0].fields.project.self", startsWith(sim.baseUrl() + "/dc/dc2/jira/rest/api/2/project/"));
        given().baseUri(sim.baseUrl()).auth().oauth2(pat).get("/dc/dc2/rest/api/2/myself").then().statusCode(404)
                .body("errorMessages[0]", startsWith("No such endpoint"));
        given().baseUri(sim.baseUrl()).get("/dc/nope/rest/api/2/serverInfo").then().statusCode(404).body("status", equalTo(404));
    }
}
