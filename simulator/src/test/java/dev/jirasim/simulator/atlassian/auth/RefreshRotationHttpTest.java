package dev.jirasim.simulator.atlassian.auth;

import static dev.jirasim.simulator.support.OAuth.ALICE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class RefreshRotationHttpTest {
    private OAuth oauth;
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
        sim.control().setClock(null, true);
    }

    private static void assertInvalidGrant(Response r) {
        r.then().statusCode(403)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Unknown or invalid refresh token."));
    }

    @Test
    void eachRefreshReturnsANewPair() {
        Response first = oauth.aliceTokens();
        Response second = oauth.refresh(first.path("refresh_token"));
        second.then().statusCode(200).body("expires_in", equalTo(3600)).body("scope", equalTo(OAuth.SCOPES))
                .body("refresh_token", not(equalTo(first.path("refresh_token"))));
        assertNotEquals(first.<String>path("access_token"), second.<String>path("access_token"));
        oauth.resources(second.path("access_token")).then().statusCode(200);
    }

    @Test
    void previousRefreshTokenWorksInsideTheLeewayAndFailsAfter() {
        String r1 = oauth.aliceTokens().path("refresh_token");
        oauth.refresh(r1).then().statusCode(200);
        sim.control().advanceClock(Duration.ofMinutes(9));
        oauth.refresh(r1).then().statusCode(200);

        String r3 = oauth.aliceTokens().path("refresh_token");
        oauth.refresh(r3).then().statusCode(200);
        sim.control().advanceClock(Duration.ofMinutes(10));
        assertInvalidGrant(oauth.refresh(r3));
    }

    @Test
    void reuseAfterTheLeewayRevokesTheWholeGrantIncludingTheNewestTokens() {
        String r1 = oauth.aliceTokens().path("refresh_token");
        Response second = oauth.refresh(r1);
        String r2 = second.path("refresh_token");
        sim.control().advanceClock(Duration.ofMinutes(11));
        Response third = oauth.refresh(r2);
        third.then().statusCode(200);

        assertInvalidGrant(oauth.refresh(r1));
        assertInvalidGrant(oauth.refresh(third.path("refresh_token")));
        oauth.resources(third.path("access_token")).then().statusCode(401);
        // (The default world's Nango connection holds a grant of another app, untouched.)
        assertFalse(sim.control().tokens().grants().stream().anyMatch(g -> g.clientId().equals(OAuth.CLIENT_ID) && !g.revoked()));
    }

    @Test
    void theOldAccessTokenDiesTenMinutesAfterItsRefreshTokenRotated() {
        Response first = oauth.aliceTokens();
        oauth.refresh(first.path("refresh_token")).then().statusCode(200);
        sim.control().advanceClock(Duration.ofMinutes(9));
        oauth.resources(first.path("access_token")).then().statusCode(200);
        sim.control().advanceClock(Duration.ofMinutes(1));
        oauth.resources(first.path("access_token")).then().statusCode(401)
                .body("code", equalTo(401)).body("message", equalTo("Unauthorized"));
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        Response r = oauth.exchange(oauth.code(ALICE, List.of("acme"), "read:jira-work read:me"));
        r.then().statusCode(200).body("refresh_token", equalTo(null)).body("scope", equalTo("read:jira-work read:me"));
    }

    @Test
    void aRefreshTokenOfAnotherClientIsUnknown() {
        String r1 = oauth.aliceTokens().path("refresh_token");
        assertInvalidGrant(oauth.http().contentType("application/json")
                .body(java.util.Map.of("grant_type", "refresh_token", "client_id", "jirasim-private-client",
                        "client_secret", "jirasim-private-secret", "refresh_token", r1))
                .post("/auth/oauth/token"));
    }
}
