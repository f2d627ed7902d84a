package dev.jirasim.simulator.atlassian.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed token requests get a 4xx in the OAuth error shape: never a 500, never a stack trace. */
@ExtendWith(SimulatorExtension.class)
class TokenBadInputHttpTest {
    private OAuth oauth;
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
    }

    private Response post(String contentType, String body) {
        var spec = oauth.http();
        if (contentType != null) spec = spec.contentType(contentType);
        if (body != null) spec = spec.body(body);
        return spec.post("/auth/oauth/token");
    }

    private static void assertOAuthError(Response r, int status, String error) {
        r.then().statusCode(status).contentType("application/json")
                .body("error", equalTo(error))
                .body("error_description", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("at dev.jirasim")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"grant_type\":", "[1,2]", "\"text\"", "{} {}", "nul", "{\"grant_type\":\"refresh_token\",}"})
    void malformedJsonIsAnInvalidRequest(String body) {
        assertOAuthError(post("application/json", body), 400, "invalid_request");
    }

    @Test
    void nonStringMembersAreRejected() {
        assertOAuthError(post("application/json", "{\"grant_type\":[\"refresh_token\"]}"), 400, "invalid_request");
        assertOAuthError(post("application/json", "{\"grant_type\":{\"a\":1}}"), 400, "invalid_request");
        assertOAuthError(post("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":42}"), 400, "invalid_request");
    }

    @Test
    void wrongContentTypeIsRejected() {
        assertOAuthError(post("text/plain", "grant_type=refresh_token"), 415, "invalid_request");
        assertOAuthError(post("application/xml", "<a/>"), 415, "invalid_request");
    }

    @Test
    void emptyBodiesNameWhatIsMissing() {
        assertOAuthError(post("application/json", ""), 400, "invalid_request");
        Response empty = post("application/x-www-form-urlencoded", "");
        assertOAuthError(empty, 400, "invalid_request");
        empty.then().body("error_description", equalTo("Missing required parameter: grant_type"));
        assertOAuthError(post(null, null), 400, "invalid_request");
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() {
        String huge = "{\"grant_type\":\"" + "a".repeat(1_100_000) + "\"}";
        assertOAuthError(post("application/json", huge), 413, "invalid_request");
    }

    @Test
    void repeatedFormParametersAreRejected() {
        assertOAuthError(post("application/x-www-form-urlencoded", "grant_type=refresh_token&grant_type=authorization_code"),
                400, "invalid_request");
        assertOAuthError(post("application/x-www-form-urlencoded", "grant_type=%ZZ"), 400, "invalid_request");
    }

    @Test
    void badRequestsChangeNothing() {
        String before = dev.jirasim.simulator.world.WorldFiles.toJson(sim.control().exportWorld());
        post("application/json", "{");
        post("text/plain", "x");
        post("application/json", "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\",\"refresh_token\":\"nope\"}");
        assertEquals(before, dev.jirasim.simulator.world.WorldFiles.toJson(sim.control().exportWorld()));
    }

    @Test
    void unknownPathsUnderAuthAnswerInTheOAuthShape() {
        oauth.http().get("/auth/oauth/nothing").then().statusCode(404)
                .body("error", equalTo("not_found")).body("error_description", startsWith("No such endpoint"));
        oauth.http().get("/auth/oauth/token").then().statusCode(404).body("error", equalTo("not_found"));
    }
}
