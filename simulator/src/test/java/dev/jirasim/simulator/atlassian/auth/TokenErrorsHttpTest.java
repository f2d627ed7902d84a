package dev.jirasim.simulator.atlassian.auth;

import static dev.jirasim.simulator.support.OAuth.ALICE;
import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class TokenErrorsHttpTest {
    private OAuth oauth;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.oauth = new OAuth(sim);
    }

    private Response exchangeWith(String key, String value) {
        Map<String, String> body = new HashMap<>(Map.of("grant_type", "authorization_code", "client_id", OAuth.CLIENT_ID,
                "client_secret", OAuth.CLIENT_SECRET, "code", oauth.code(ALICE, List.of("acme"), OAuth.SCOPES),
                "redirect_uri", OAuth.CALLBACK));
        if (value == null) body.remove(key);
        else body.put(key, value);
        return oauth.http().contentType("application/json").body(body).post("/auth/oauth/token");
    }

    private static void assertError(Response r, int status, String error, String description) {
        r.then().statusCode(status).contentType("application/json")
                .body("error", equalTo(error)).body("error_description", equalTo(description));
    }

    @Test
    void aCodeIsSingleUse() {
        String code = oauth.code(ALICE, List.of("acme"), OAuth.SCOPES);
        oauth.exchange(code).then().statusCode(200);
        assertError(oauth.exchange(code), 400, "invalid_request", "authorization_code is invalid");
    }

    @Test
    void unknownCodeIsInvalid() {
        assertError(exchangeWith("code", "not-a-code"), 400, "invalid_request", "authorization_code is invalid");
    }

    @Test
    void redirectUriMustMatchTheAuthorizeRequest() {
        assertError(exchangeWith("redirect_uri", OAuth.CALLBACK + "/"), 403, "invalid_grant",
                "redirect_uri does not match the one used in the authorization request.");
    }

    @Test
    void wrongSecretAndUnknownClientAreAccessDenied() {
        assertError(exchangeWith("client_secret", "wrong"), 401, "access_denied", "Unauthorized");
        assertError(exchangeWith("client_id", "nobody"), 401, "access_denied", "Unauthorized");
    }

    @Test
    void missingFieldsAreNamed() {
        assertError(exchangeWith("code", null), 400, "invalid_request", "Missing required parameter: code");
        assertError(exchangeWith("redirect_uri", null), 400, "invalid_request", "Missing required parameter: redirect_uri");
        assertError(exchangeWith("client_secret", null), 400, "invalid_request", "Missing required parameter: client_secret");
        assertError(exchangeWith("grant_type", null), 400, "invalid_request", "Missing required parameter: grant_type");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        assertError(exchangeWith("grant_type", "password"), 400, "unsupported_grant_type",
                "Grant type 'password' not allowed for the client.");
    }

    @Test
    void aFailedExchangeStillSpendsTheCode() {
        String code = oauth.code(ALICE, List.of("acme"), OAuth.SCOPES);
        oauth.http().contentType("application/json")
                .body(Map.of("grant_type", "authorization_code", "client_id", OAuth.CLIENT_ID, "client_secret",
                        OAuth.CLIENT_SECRET, "code", code, "redirect_uri", "http://localhost:3000/other"))
                .post("/auth/oauth/token").then().statusCode(403);
        assertError(oauth.exchange(code), 400, "invalid_request", "authorization_code is invalid");
    }
}
