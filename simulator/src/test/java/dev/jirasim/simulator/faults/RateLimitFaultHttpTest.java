package dev.jirasim.simulator.faults;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A rate-limit fault on /api/me: the budget, the 429 with Atlassian's headers, recovery as the clock moves. */
@ExtendWith(SimulatorExtension.class)
class RateLimitFaultHttpTest {
    private JirasimServer sim;
    private OAuth oauth;
    private String token;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
        oauth.http().contentType("application/json").body("{\"now\": \"2030-01-01T12:00:30Z\", \"frozen\": true}")
                .put("/__admin/clock").then().statusCode(200);
        token = oauth.aliceTokens().path("access_token");
    }

    private Response me() {
        return oauth.http().auth().oauth2(token).get("/api/me");
    }

    private void advance(int seconds) {
        oauth.http().contentType("application/json").body("{\"seconds\": " + seconds + "}").post("/__admin/clock/advance")
                .then().statusCode(200);
    }

    @Test
    void theBudgetRunsOutThen429WithEveryHeaderThenRecovers() {
        String id = oauth.http().contentType("application/json")
                .body("{\"path\": \"/api/me\", \"rateLimit\": {\"capacity\": 2, \"refillPerSecond\": 0.1}}")
                .post("/__admin/faults").then().statusCode(201).extract().path("faults[0].id");

        Response first = me();
        first.then().statusCode(200).body("email", equalTo(OAuth.ALICE))
                .header("X-RateLimit-Limit", "2").header("X-RateLimit-Remaining", "1");
        assertNull(first.header("X-RateLimit-NearLimit"), "half the budget left is not near the limit");
        assertNull(first.header("Retry-After"));
        me().then().statusCode(200).header("X-RateLimit-Remaining", "0").header("X-RateLimit-NearLimit", "true");

        me().then().statusCode(429)
                .header("Retry-After", "10")
                .header("X-RateLimit-Limit", "2")
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", "2030-01-01T12:00Z")
                .header("RateLimit-Reason", "jira-burst-based")
                .body("code", equalTo(429)).body("message", equalTo("Rate limit exceeded."));

        advance(9);
        me().then().statusCode(429).header("Retry-After", "1").header("X-RateLimit-Reset", "2030-01-01T12:00Z");
        advance(1);
        me().then().statusCode(200).header("X-RateLimit-Remaining", "0");
        me().then().statusCode(429).header("Retry-After", "10").header("X-RateLimit-Reset", "2030-01-01T12:00Z");

        assertEquals(List.of(200, 200, 429, 429, 200, 429), sim.control().journal().stream()
                .filter(e -> e.path().equals("/api/me")).map(e -> e.status()).toList());
        assertEquals(id, sim.control().journal().get(sim.control().journal().size() - 1).fault());
        oauth.http().get("/__admin/faults/" + id).then().body("hits", equalTo(6));
    }

    @Test
    void theRefusalBodyAndExtraHeadersCanBeGiven() {
        oauth.http().contentType("application/json").body("""
                {"path": "/api/**", "rateLimit": {"capacity": 1, "refillPerSecond": 1},
                 "body": {"errorMessages": ["Rate limit exceeded."], "errors": {}},
                 "headers": {"X-Beta-RateLimit-Reason": "jira-quota-tenant-based"}}""")
                .post("/__admin/faults").then().statusCode(201);
        me().then().statusCode(200);
        oauth.resources(token).then().statusCode(429)
                .header("X-Beta-RateLimit-Reason", "jira-quota-tenant-based").header("Retry-After", "1")
                .body("errorMessages", equalTo(List.of("Rate limit exceeded."))).body("errors.size()", equalTo(0));
    }

    @Test
    void clearingTheFaultLiftsTheLimit() {
        sim.control().addFault(FaultRule.on("/api/me").rateLimit(1, 0.001).build());
        me().then().statusCode(200);
        me().then().statusCode(429).header("Retry-After", "1000");
        oauth.http().delete("/__admin/faults").then().statusCode(204);
        me().then().statusCode(200);
    }
}
