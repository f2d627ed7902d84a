package dev.jirasim.simulator.nango;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.Consent;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class NangoHttpTest {
    static final String SECRET = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";
    static final String GLOBEX_SEARCH = "/ex/jira/" + OAuth.GLOBEX + "/rest/api/3/search/jql";

    static RequestSpecification nango(JirasimServer sim) {
        return given().baseUri(sim.baseUrl() + "/nango").redirects().follow(false).header("Authorization", "Bearer " + SECRET);
    }

    static RequestSpecification proxy(JirasimServer sim, String connectionId) {
        return nango(sim).header("Provider-Config-Key", "jira").header("Connection-Id", connectionId).header("Base-Url-Override", "");
    }

    /** Connect session → /oauth/connect/jira → consent (automatic, as alice) → callback; returns the new connection id. */
    static String connect(JirasimServer sim, String subdomain) {
        sim.control().consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme", "globex"), Consent.Decision.APPROVE));
        String token = nango(sim).contentType("application/json").body(Map.of("end_user", Map.of("id", "u-1", "email", "alice@acme.test")))
                .post("/connect/sessions").then().statusCode(201).body("data.token", startsWith("nango_connect_session_"))
                .extract().path("data.token");
        var connect = given().redirects().follow(false).queryParam("connect_session_token", token);
        if (subdomain != null) connect = connect.queryParam("params[subdomain]", subdomain);
        String authorize = connect.get(sim.baseUrl() + "/nango/oauth/connect/jira").then().statusCode(302).extract().header("Location");
        Map<String, String> q = OAuth.query(authorize);
        assertTrue(authorize.startsWith(sim.authUrl() + "/authorize?"), authorize);
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(43, q.get("code_challenge").length());
        assertEquals("api.atlassian.com", q.get("audience"));
        assertEquals("consent", q.get("prompt"));
        assertEquals(sim.baseUrl() + "/nango/oauth/callback", q.get("redirect_uri"));
        // The URLs arrive encoded already: REST Assured must send them as they are.
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302).extract().header("Location");
        assertTrue(callback.startsWith(sim.baseUrl() + "/nango/oauth/callback?code="), callback);
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(callback);
        assertEquals(200, page.statusCode(), page.asString());
        assertTrue(page.asString().contains("data-status=\"success\""), page.asString());
        return page.htmlPath().getString("**.find { it.@id == 'nango-result' }.@data-connection-id");
    }

    @Test
    void secretKeysAreCheckedTheWayNangoDoes(JirasimServer sim) {
        given().baseUri(sim.baseUrl() + "/nango").get("/integrations").then().statusCode(401)
                .body("error.code", equalTo("missing_auth_header"))
                .body("error.message", equalTo("Authentication failed. The request is missing the Authorization header."));
        given().baseUri(sim.baseUrl() + "/nango").header("Authorization", "Basic abc").get("/integrations").then().statusCode(401)
                .body("error.code", equalTo("malformed_auth_header"));
        given().baseUri(sim.baseUrl() + "/nango").header("Authorization", "Bearer not-a-uuid").get("/integrations").then().statusCode(401)
                .body("error.code", equalTo("invalid_secret_key_format"));
        given().baseUri(sim.baseUrl() + "/nango").header("Authorization", "Bearer 11111111-2222-4333-8444-555555555555").get("/connections")
                .then().statusCode(401).body("error.code", equalTo("unknown_account"));
        nango(sim).get("/integrations").then().statusCode(200)
                .body("data.unique_key", equalTo(List.of("jira", "jira-data-center")))
                .body("data.provider", equalTo(List.of("jira", "jira-data-center")));
        nango(sim).get("/integrations/jira").then().statusCode(200).body("data.display_name", equalTo("Jira (OAuth)"));
    }

    @Test
    void theReadyConnectionHidesItsRefreshTokenUnlessAsked(JirasimServer sim) {
        for (String family : List.of("/connection", "/connections")) {
            nango(sim).get(family).then().statusCode(200).body("connections.connection_id", hasItem("alice-acme"));
            nango(sim).queryParam("provider_config_key", "jira").get(family + "/alice-acme").then().statusCode(200)
                    .body("provider", equalTo("jira")).body("connection_config.cloudId", equalTo(OAuth.ACME))
                    .body("connection_config.baseUrl", equalTo("https://acme.atlassian.net"))
                    .body("connection_config.accountId", equalTo(OAuth.ALICE_ID))
                    .body("credentials.type", equalTo("OAUTH2")).body("credentials.refresh_token", nullValue())
                    .body("credentials.raw.refresh_token", nullValue()).body("created_at", org.hamcrest.Matchers.endsWith("+00:00"));
        }
        String before = nango(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").path("credentials.access_token");
        Response forced = nango(sim).queryParam("provider_config_key", "jira").queryParam("force_refresh", "true").queryParam("refresh_token", "true")
                .get("/connections/alice-acme");
        forced.then().statusCode(200).body("credentials.refresh_token", not(nullValue()));
        assertNotEquals(before, forced.path("credentials.access_token"));
        // The refresh went through the simulated Atlassian token endpoint, which rotated the refresh token.
        assertTrue(sim.control().journal().stream().anyMatch(e -> e.path().equals("/auth/oauth/token") && e.status() == 200));
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/nobody").then().statusCode(404)
                .body("error.code", equalTo("not_found")).body("error.message", equalTo("Failed to find connection"));
        nango(sim).queryParam("provider_config_key", "nope").get("/connections/alice-acme").then().statusCode(400)
                .body("error.code", equalTo("unknown_provider_config"));
        nango(sim).queryParam("provider_config_key", "jira").queryParam("bogus", "1").get("/connections/alice-acme").then().statusCode(400)
                .body("error.code", equalTo("invalid_query_params")).body("error.errors[0].code", equalTo("unrecognized_keys"));
        nango(sim).get("/connections/alice-acme").then().statusCode(400).body("error.errors[0].path", equalTo(List.of("provider_config_key")));
    }

    @Test
    void connectingWithSubdomainGlobexStoresGlobexAndTheProxyReturnsItsIssues(JirasimServer sim) {
        String id = connect(sim, "globex");
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/" + id).then().statusCode(200)
                .body("connection_config.subdomain", equalTo("globex")).body("connection_config.cloudId", equalTo(OAuth.GLOBEX))
                .body("connection_config.baseUrl", equalTo("https://globex.atlassian.net"))
                .body("connection_config.accountId", equalTo(OAuth.ALICE_ID)).body("end_user.id", equalTo("u-1"));
        proxy(sim, id).queryParam("jql", "project = GLX ORDER BY key").queryParam("maxResults", 5).queryParam("fields", "summary")
                .get("/proxy" + GLOBEX_SEARCH).then().statusCode(200).header("Content-Type", startsWith("application/json"))
                .body("issues.size()", equalTo(5)).body("issues.key", everyItem(startsWith("GLX-")));
    }

    @Test
    void withoutASubdomainTheFirstSiteIsTaken(JirasimServer sim) {
        String id = connect(sim, null);
        String first = given().auth().oauth2(sim.control().issueTokens(dev.jirasim.simulator.control.TokenRequestSpec.forUser("alice@acme.test", "acme", "globex")).accessToken())
                .get(sim.apiUrl() + "/oauth/token/accessible-resources").path("[0].id");
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/" + id).then().statusCode(200)
                .body("connection_config.cloudId", equalTo(first)).body("connection_config.subdomain", nullValue());
        // An unknown subdomain is no error either: still the first site.
        String other = connect(sim, "nowhere");
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/" + other).then().body("connection_config.cloudId", equalTo(first));
    }

    @Test
    void fiftyMinutesLaterTheProxyRefreshesFirst(JirasimServer sim) {
        sim.control().setClock(null, true);
        String id = connect(sim, "globex");
        String before = nango(sim).queryParam("provider_config_key", "jira").queryParam("refresh_token", "true").get("/connections/" + id)
                .path("credentials.refresh_token");
        sim.control().clearJournal();
        sim.control().advanceClock(Duration.ofMinutes(50));
        proxy(sim, id).queryParam("jql", "project = GLX").get("/proxy" + GLOBEX_SEARCH).then().statusCode(200);
        var paths = sim.control().journal().stream().map(e -> e.method() + " " + e.path()).toList();
        int refresh = paths.indexOf("POST /auth/oauth/token");
        int search = paths.indexOf("GET /api/ex/jira/" + OAuth.GLOBEX + "/rest/api/3/search/jql");
        assertTrue(refresh >= 0 && refresh < search, paths.toString());
        String after = nango(sim).queryParam("provider_config_key", "jira").queryParam("refresh_token", "true").get("/connections/" + id)
                .path("credentials.refresh_token");
        assertNotEquals(before, after, "the refresh token rotated");
        assertTrue(sim.control().tokens().refreshTokens().stream().anyMatch(t -> t.rotatedAt() != null));
    }

    @Test
    void aRefreshTokenKilledBehindNangosBackSurfacesAsNangosErrors(JirasimServer sim) {
        sim.control().setClock(null, true);
        sim.control().revokeUser("alice@acme.test");
        sim.control().advanceClock(Duration.ofMinutes(50));
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").then().statusCode(400)
                .body("error.code", equalTo("invalid_credentials"))
                .body("error.message", equalTo("The external API returned an error when trying to refresh the access token. Please try again later."))
                .body("error.payload.connection.connection_id", equalTo("alice-acme"))
                .body("error.payload.connection.credentials.size()", equalTo(0))
                .body("error.payload.connection.errors[0].type", equalTo("auth"));
        // Within 30 seconds Nango does not try again: GET connection reports the backoff the same way.
        nango(sim).queryParam("provider_config_key", "jira").get("/connections/alice-acme").then().statusCode(424)
                .body("error.code", equalTo("invalid_credentials"))
                .body("error.message", equalTo("A recent refresh attempt failed. Backing off before retrying."))
                .body("error.payload.connection.provider_config_key", equalTo("jira"));
        proxy(sim, "alice-acme").get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(424)
                .body("error.code", equalTo("connection_refresh_backoff"));
        sim.control().advanceClock(Duration.ofSeconds(31));
        proxy(sim, "alice-acme").get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(403)
                .body("error.code", equalTo("server_error")).body("error.message", startsWith("Failed to get connection credentials: '"));
    }

    @Test
    void theProxyPassesProviderErrorsThroughAndShapesItsOwn(JirasimServer sim) {
        proxy(sim, "alice-acme").get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/issue/NOPE-1").then().statusCode(404)
                .body("errorMessages[0]", equalTo("Issue does not exist or you do not have permission to see it."));
        proxy(sim, "alice-acme").contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "via Nango", "issuetype", Map.of("name", "Task"))))
                .post("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/issue").then().statusCode(201).body("key", startsWith("ACME-"));
        proxy(sim, "nobody").get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(400)
                .body("error.code", equalTo("server_error")).body("error.message", equalTo("Failed to get connection"));
        nango(sim).header("Connection-Id", "alice-acme").header("Provider-Config-Key", "nope")
                .get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/myself").then().statusCode(404).body("error.code", equalTo("unknown_provider_config"));
        nango(sim).get("/proxy/ex/jira/x").then().statusCode(400).body("error.code", equalTo("invalid_headers"));
        nango(sim).header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme").header("Base-Url-Override", "https://example.com")
                .get("/proxy/anything").then().statusCode(400)
                .body("error.code", equalTo("base_url_override_not_allowed"));
        nango(sim).queryParam("provider_config_key", "jira").delete("/connections/alice-acme").then().statusCode(200).body("success", equalTo(true));
        nango(sim).queryParam("provider_config_key", "jira").delete("/connection/alice-acme").then().statusCode(400)
                .body("error.code", equalTo("unknown_connection"));
    }

    @Test
    void theJiraDataCenterProviderConnectsAndProxiesThroughRestApiLatest(JirasimServer sim) {
        sim.control().dcConsent("dc1", new dev.jirasim.simulator.world.DcInstance.DcConsent("auto", "jdoe", "approve"));
        // Nango writes https:// before endpointURL; the simulator uses its own scheme (docs/nango.md).
        String endpoint = sim.baseUrl().replaceFirst("^http://", "") + "/dc/dc1";
        String authorize = given().redirects().follow(false).queryParam("public_key", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
                .queryParam("connection_id", "jdoe-dc1").queryParam("params[endpointURL]", endpoint)
                .get(sim.baseUrl() + "/nango/oauth/connect/jira-data-center").then().statusCode(302).extract().header("Location");
        assertTrue(authorize.startsWith(sim.baseUrl() + "/dc/dc1/rest/oauth2/latest/authorize?"), authorize);
        Map<String, String> q = OAuth.query(authorize);
        assertEquals("authorization_code", q.get("grant_type"));
        assertEquals("S256", q.get("code_challenge_method"));
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302)
                .extract().header("Location");
        Response page = given().urlEncodingEnabled(false).redirects().follow(false).get(callback);
        assertTrue(page.asString().contains("data-status=\"success\""), page.asString());
        nango(sim).queryParam("provider_config_key", "jira-data-center").get("/connections/jdoe-dc1").then().statusCode(200)
                .body("provider", equalTo("jira-data-center")).body("connection_config.endpointURL", equalTo(endpoint))
                .body("connection_config.cloudId", nullValue());
        nango(sim).header("Provider-Config-Key", "jira-data-center").header("Connection-Id", "jdoe-dc1").get("/proxy/myself")
                .then().statusCode(200).body("name", equalTo("jdoe")).body("key", equalTo("JIRAUSER10100"));
        // The token exchange went to the instance's form-only token endpoint.
        assertTrue(sim.control().journal().stream().anyMatch(e -> e.path().equals("/dc/dc1/rest/oauth2/latest/token") && e.status() == 200));
    }
}
