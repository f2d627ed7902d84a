package dev.jirasim.simulator.atlassian.auth;

import static dev.jirasim.simulator.support.OAuth.ACME;
import static dev.jirasim.simulator.support.OAuth.ALICE;
import static dev.jirasim.simulator.support.OAuth.ALICE_ID;
import static dev.jirasim.simulator.support.OAuth.GLOBEX;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class ThreeLeggedFlowHttpTest {

    @Test
    void aliceConsentsForAcmeAndGlobexAndOneTokenReachesBoth(JirasimServer sim) {
        var oauth = new OAuth(sim);
        oauth.autoConsent(ALICE, List.of("acme", "globex"));
        var authorize = oauth.authorize(OAuth.authorizeParams(OAuth.SCOPES));
        assertEquals(302, authorize.statusCode());
        String location = authorize.header("Location");
        assertTrue(location.startsWith(OAuth.CALLBACK + "?code="), location);
        assertEquals("state-123", OAuth.query(location).get("state"));

        var tokens = oauth.exchange(OAuth.query(location).get("code"));
        tokens.then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo(OAuth.SCOPES))
                .body("refresh_token", not(equalTo(null)));

        oauth.resources(tokens.path("access_token")).then().statusCode(200)
                .body("$", hasSize(2))
                .body("id", containsInAnyOrder(ACME, GLOBEX))
                .body("id", not(hasItem(OAuth.INITECH)))
                .body("find { it.id == '" + ACME + "' }.url", equalTo("https://acme.atlassian.net"))
                .body("find { it.id == '" + ACME + "' }.name", equalTo("acme"))
                .body("find { it.id == '" + ACME + "' }.scopes", containsInAnyOrder("read:jira-work", "write:jira-work"))
                .body("find { it.id == '" + GLOBEX + "' }.avatarUrl", startsWith("https://"));
    }

    @Test
    void meReturnsTheProfileWithReadMe(JirasimServer sim) {
        var oauth = new OAuth(sim);
        String access = oauth.aliceTokens().path("access_token");
        oauth.http().auth().oauth2(access).get("/api/me").then().statusCode(200)
                .body("account_id", equalTo(ALICE_ID))
                .body("email", equalTo(ALICE))
                .body("name", equalTo("Alice Adams"))
                .body("account_type", equalTo("atlassian"))
                .body("account_status", equalTo("active"))
                .body("nickname", equalTo("alice"));
    }

    @Test
    void meWithoutReadMeIsAScopeMismatch(JirasimServer sim) {
        var oauth = new OAuth(sim);
        String access = oauth.exchange(oauth.code(ALICE, List.of("acme"), "read:jira-work")).path("access_token");
        oauth.http().auth().oauth2(access).get("/api/me").then().statusCode(401)
                .body("code", equalTo(401))
                .body("message", equalTo("Unauthorized; scope does not match"));
        oauth.resources(access).then().statusCode(200).body("id", containsInAnyOrder(ACME));
    }

    @Test
    void consentingToAnotherSiteWidensTheOneGrantForTokensAlreadyIssued(JirasimServer sim) {
        var oauth = new OAuth(sim);
        String first = oauth.exchange(oauth.code(ALICE, List.of("acme"), OAuth.SCOPES)).path("access_token");
        oauth.resources(first).then().body("id", containsInAnyOrder(ACME));
        oauth.exchange(oauth.code(ALICE, List.of("globex"), OAuth.SCOPES)).then().statusCode(200);
        oauth.resources(first).then().statusCode(200).body("id", containsInAnyOrder(ACME, GLOBEX));
        assertEquals(1, sim.control().tokens().grants().stream().filter(g -> g.clientId().equals(OAuth.CLIENT_ID)).count());
    }

    @Test
    void accessTokenIsJwtShapedWithTheRealClaims(JirasimServer sim) throws Exception {
        String access = new OAuth(sim).aliceTokens().path("access_token");
        String[] parts = access.split("\\.");
        assertEquals(3, parts.length);
        Map<?, ?> claims = new ObjectMapper().readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
        assertEquals("https://auth.atlassian.com", claims.get("iss"));
        assertEquals(ALICE_ID, claims.get("sub"));
        assertEquals(OAuth.CLIENT_ID, claims.get("aud"));
        assertEquals(OAuth.SCOPES, claims.get("scope"));
        assertEquals(3600L, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
    }

    @Test
    void formEncodedTokenRequestsWorkLikeJson(JirasimServer sim) {
        var oauth = new OAuth(sim);
        String code = oauth.code(ALICE, List.of("acme"), OAuth.SCOPES);
        oauth.http().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "authorization_code").formParam("client_id", OAuth.CLIENT_ID)
                .formParam("client_secret", OAuth.CLIENT_SECRET).formParam("code", code)
                .formParam("redirect_uri", OAuth.CALLBACK)
                .post("/auth/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
    }
}
