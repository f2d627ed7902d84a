package dev.jirasim.simulator.atlassian.auth;

import static dev.jirasim.simulator.support.OAuth.ALICE;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.Consent;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class AuthorizeErrorsHttpTest {
    private OAuth oauth;
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
        oauth.autoConsent(ALICE, List.of("acme"));
    }

    private Response authorizeWith(String key, String value) {
        Map<String, String> params = OAuth.authorizeParams(OAuth.SCOPES);
        if (value == null) params.remove(key);
        else params.put(key, value);
        return oauth.authorize(params);
    }

    private static Map<String, String> redirectedError(Response r) {
        assertEquals(302, r.statusCode(), r.asString());
        assertTrue(r.header("Location").startsWith(OAuth.CALLBACK + "?"), r.header("Location"));
        return OAuth.query(r.header("Location"));
    }

    @Test
    void unknownClientGetsAnErrorPageNotARedirect() {
        authorizeWith("client_id", "nobody").then().statusCode(400).contentType("text/html")
                .body(containsString("invalid_client")).body(containsString("Unknown client_id: nobody"));
    }

    @Test
    void redirectUriMustMatchExactlyTrailingSlashIncluded() {
        authorizeWith("redirect_uri", OAuth.CALLBACK + "/").then().statusCode(400)
                .body(containsString("unauthorized_client"))
                .body(containsString("redirect_uri is not registered for client: http://localhost:3000/callback/"));
        authorizeWith("redirect_uri", "https://evil.example/callback").then().statusCode(400);
        authorizeWith("redirect_uri", null).then().statusCode(400);
    }

    @Test
    void wrongResponseTypeIsRedirectedWithTheState() {
        var error = redirectedError(authorizeWith("response_type", "token"));
        assertEquals("unsupported_response_type", error.get("error"));
        assertEquals("state-123", error.get("state"));
        assertFalse(error.containsKey("code"));
    }

    @Test
    void scopeNotEnabledForTheAppIsInvalidScope() {
        var error = redirectedError(authorizeWith("scope", "read:jira-work read:confluence-space.summary"));
        assertEquals("invalid_scope", error.get("error"));
        assertTrue(error.get("error_description").contains("read:confluence-space.summary"));
        assertEquals("invalid_request", redirectedError(authorizeWith("scope", null)).get("error"));
    }

    @Test
    void wrongAudienceAndMissingStateAreInvalidRequests() {
        assertEquals("invalid_request", redirectedError(authorizeWith("audience", "api.example.com")).get("error"));
        var noState = redirectedError(authorizeWith("state", null));
        assertEquals("invalid_request", noState.get("error"));
        assertEquals("Missing required parameter: state", noState.get("error_description"));
        // audience may be left out: Atlassian's newer docs omit it (our documented default)
        assertTrue(redirectedError(authorizeWith("audience", null)).containsKey("code"));
    }

    @Test
    void promptNoneCannotSucceedWithoutASession() {
        assertEquals("login_required", redirectedError(authorizeWith("prompt", "none")).get("error"));
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        sim.control().consent(new Consent(Consent.Mode.AUTO, ALICE, List.of("acme"), Consent.Decision.DENY));
        var error = redirectedError(authorizeWith("state", "s-9"));
        assertEquals("access_denied", error.get("error"));
        assertEquals("User did not authorize the request", error.get("error_description"));
        assertEquals("s-9", error.get("state"));
        assertFalse(error.containsKey("code"));
    }

    @Test
    void onlyTheOwnerMayConsentToAPrivateApp() {
        Map<String, String> params = OAuth.authorizeParams("read:jira-work");
        params.put("client_id", "jirasim-private-client");
        oauth.autoConsent("bob@acme.test", List.of("acme"));
        oauth.authorize(params).then().statusCode(403).body(containsString("unauthorized_client"))
                .body(containsString("only its owner can authorize it"));
        oauth.autoConsent(ALICE, List.of("acme"));
        assertEquals(302, oauth.authorize(params).statusCode());
        assertTrue(OAuth.query(oauth.authorize(params).header("Location")).containsKey("code"));
    }
}
