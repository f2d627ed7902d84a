package dev.jirasim.simulator.atlassian.auth;

import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class TokenExpiryHttpTest {
    private OAuth oauth;
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
        sim.control().setClock(null, true);
    }

    @Test
    void accessTokenExpiresAfterAnHourButRefreshStillWorks() {
        Response tokens = oauth.aliceTokens();
        sim.control().advanceClock(Duration.ofSeconds(3599));
        oauth.resources(tokens.path("access_token")).then().statusCode(200);
        sim.control().advanceClock(Duration.ofSeconds(2));
        oauth.resources(tokens.path("access_token")).then().statusCode(401).body("message", equalTo("Unauthorized"));
        Response refreshed = oauth.refresh(tokens.path("refresh_token"));
        refreshed.then().statusCode(200);
        oauth.resources(refreshed.path("access_token")).then().statusCode(200);
    }

    @Test
    void ninetyOneDaysWithoutARefreshExpiresTheRefreshToken() {
        String refresh = oauth.aliceTokens().path("refresh_token");
        sim.control().advanceClock(Duration.ofDays(91));
        oauth.refresh(refresh).then().statusCode(403).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Unknown or invalid refresh token."));
    }

    @Test
    void refreshingResetsInactivityButNotTheAbsoluteYear() {
        String refresh = oauth.aliceTokens().path("refresh_token");
        for (int i = 0; i < 4; i++) { // day 80, 160, 240, 320: each inside 90 days of the last
            sim.control().advanceClock(Duration.ofDays(80));
            Response r = oauth.refresh(refresh);
            r.then().statusCode(200);
            refresh = r.path("refresh_token");
        }
        sim.control().advanceClock(Duration.ofDays(44)); // day 364
        Response r = oauth.refresh(refresh);
        r.then().statusCode(200);
        sim.control().advanceClock(Duration.ofDays(1)); // day 365: the grant's absolute expiry
        oauth.refresh(r.path("refresh_token")).then().statusCode(403).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anAuthorizationCodeExpiresAfterTenMinutes() {
        String code = oauth.code(OAuth.ALICE, java.util.List.of("acme"), OAuth.SCOPES);
        sim.control().advanceClock(Duration.ofMinutes(10));
        oauth.exchange(code).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("authorization_code is invalid"));
    }

    @Test
    void consentingAgainAfterTheYearGivesWorkingTokens() {
        String refresh = oauth.aliceTokens().path("refresh_token");
        for (int i = 0; i < 5; i++) {
            sim.control().advanceClock(Duration.ofDays(80));
            Response r = oauth.refresh(refresh);
            if (r.statusCode() != 200) break;
            refresh = r.path("refresh_token");
        }
        oauth.refresh(refresh).then().statusCode(403); // day 400: past the absolute year
        Response fresh = oauth.aliceTokens();
        oauth.refresh(fresh.path("refresh_token")).then().statusCode(200);
    }
}
