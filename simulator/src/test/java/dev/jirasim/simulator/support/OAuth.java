package dev.jirasim.simulator.support;

import static io.restassured.RestAssured.given;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.world.Consent;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client's side of the 3LO dance, for tests: authorize with headless consent, exchange, refresh, call. */
public final class OAuth {
    public static final String CLIENT_ID = "jirasim-client";
    public static final String CLIENT_SECRET = "jirasim-secret";
    public static final String CALLBACK = "http://localhost:3000/callback";
    public static final String ALICE = "alice@acme.test";
    public static final String ALICE_ID = "5f8a1c2e4b7d9e0011a2b3c4";
    public static final String ACME = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";
    public static final String GLOBEX = "b2e4c6a8-3d5f-4a1b-8c7e-9f0a1b2c3d4e";
    public static final String INITECH = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9";
    public static final String SCOPES = "read:jira-work write:jira-work read:me offline_access";

    private final JirasimServer sim;

    public OAuth(JirasimServer sim) {
        this.sim = sim;
    }

    public RequestSpecification http() {
        return given().baseUri(sim.baseUrl()).redirects().follow(false);
    }

    /** Standard authorize parameters; callers override or remove entries. */
    public static Map<String, String> authorizeParams(String scope) {
        var params = new LinkedHashMap<String, String>();
        params.put("audience", "api.atlassian.com");
        params.put("client_id", CLIENT_ID);
        params.put("scope", scope);
        params.put("redirect_uri", CALLBACK);
        params.put("state", "state-123");
        params.put("response_type", "code");
        params.put("prompt", "consent");
        return params;
    }

    public Response authorize(Map<String, String> params) {
        return http().queryParams(params).get("/auth/authorize");
    }

    public void autoConsent(String user, List<String> sites) {
        sim.control().consent(new Consent(Consent.Mode.AUTO, user, sites, Consent.Decision.APPROVE));
    }

    /** Consents headlessly as {@code user} for {@code sites} and returns the code from the callback. */
    public String code(String user, List<String> sites, String scope) {
        autoConsent(user, sites);
        Response r = authorize(authorizeParams(scope));
        if (r.statusCode() != 302) throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.asString());
        Map<String, String> query = query(r.header("Location"));
        if (!query.containsKey("code")) throw new AssertionError("no code in " + r.header("Location"));
        return query.get("code");
    }

    public Response exchange(String code) {
        return http().contentType("application/json")
                .body(Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                        "code", code, "redirect_uri", CALLBACK))
                .post("/auth/oauth/token");
    }

    public Response refresh(String refreshToken) {
        return http().contentType("application/json")
                .body(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                        "refresh_token", refreshToken))
                .post("/auth/oauth/token");
    }

    /** A token response for alice on acme + globex with {@link #SCOPES}. */
    public Response aliceTokens() {
        Response r = exchange(code(ALICE, List.of("acme", "globex"), SCOPES));
        if (r.statusCode() != 200) throw new AssertionError("exchange answered " + r.statusCode() + ": " + r.asString());
        return r;
    }

    public Response resources(String accessToken) {
        return http().auth().oauth2(accessToken).get("/api/oauth/token/accessible-resources");
    }

    public static Map<String, String> query(String location) {
        var result = new LinkedHashMap<String, String>();
        String raw = URI.create(location).getRawQuery();
        if (raw == null) return result;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
