package dev.jirasim.simulator.control;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class AdminHttpTest {
    private OAuth oauth;
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
    }

    private Response put(String path, String json) {
        return oauth.http().contentType("application/json").body(json).put(path);
    }

    @Test
    void clockCanBeFrozenSetAndAdvanced() {
        put("/__admin/clock", "{\"now\":\"2030-01-01T00:00:00Z\",\"frozen\":true}").then().statusCode(200)
                .body("now", equalTo("2030-01-01T00:00:00Z")).body("frozen", equalTo(true));
        oauth.http().contentType("application/json").body("{\"seconds\":3601}").post("/__admin/clock/advance")
                .then().statusCode(200).body("now", equalTo("2030-01-01T01:00:01Z"));
        oauth.http().get("/__admin/clock").then().body("now", equalTo("2030-01-01T01:00:01Z"));
        put("/__admin/clock", "{\"frozen\":false}").then().body("frozen", equalTo(false));
        assertFalse(sim.control().clockFrozen());
    }

    @Test
    void clockRejectsNonsense() {
        oauth.http().contentType("application/json").body("{\"seconds\":-5}").post("/__admin/clock/advance")
                .then().statusCode(400).body("error", equalTo("bad_request"));
        oauth.http().contentType("application/json").body("{\"seconds\":\"soon\"}").post("/__admin/clock/advance")
                .then().statusCode(400).body("message", not(containsString("java.")));
        put("/__admin/clock", "{\"now\":\"yesterday\"}").then().statusCode(400);
        put("/__admin/clock", "{\"when\":\"2030-01-01T00:00:00Z\"}").then().statusCode(400).body("message", containsString("when"));
    }

    @Test
    void nangoWebhookSettingsAreValidated() {
        put("/__admin/nango/webhooks", "{\"primaryUrl\":\"http://127.0.0.1:9/x\",\"onAuthCreation\":false}").then().statusCode(200)
                .body("primaryUrl", equalTo("http://127.0.0.1:9/x")).body("onAuthCreation", equalTo(false)).body("onAuthRefreshError", equalTo(true));
        put("/__admin/nango/webhooks", "{\"primaryUrl\":\"not a url\"}").then().statusCode(400).body("message", containsString("primaryUrl"));
        put("/__admin/nango/webhooks", "{\"primaryUrl\":\"ftp://example.com/x\"}").then().statusCode(400);
        put("/__admin/nango/webhooks", "{\"onAuthCreation\":\"maybe\"}").then().statusCode(400);
        put("/__admin/nango/webhooks", "{\"webhookUrl\":\"http://x\"}").then().statusCode(400).body("message", containsString("webhookUrl"));
        put("/__admin/nango/webhooks", "[1]").then().statusCode(400);
        oauth.http().get("/__admin/nango/webhooks").then().statusCode(200).body("primaryUrl", equalTo("http://127.0.0.1:9/x"));
        oauth.http().get("/__admin/nango/webhook-signing-key").then().statusCode(200)
                .body("webhookSigningKey", equalTo("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"));
    }

    @Test
    void consentCanBeSetAndIsValidated() {
        put("/__admin/consent", "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[\"acme\"],\"decision\":\"approve\"}")
                .then().statusCode(200).body("mode", equalTo("auto")).body("user", equalTo("alice@acme.test"));
        assertEquals(302, oauth.authorize(OAuth.authorizeParams(OAuth.SCOPES)).statusCode());
        put("/__admin/consent", "{\"mode\":\"auto\",\"user\":\"carol@globex.test\",\"sites\":[\"acme\"]}")
                .then().statusCode(400).body("message", containsString("not a member"));
        put("/__admin/consent", "{\"mode\":\"auto\",\"user\":\"nobody@x.test\"}").then().statusCode(400);
        put("/__admin/consent", "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[]}").then().statusCode(400)
                .body("message", containsString("at least one site"));
        put("/__admin/consent", "{\"mode\":\"auto\"}").then().statusCode(400).body("message", containsString("needs a user"));
        put("/__admin/consent", "{\"mode\":\"sometimes\"}").then().statusCode(400);
        put("/__admin/consent", "{\"mode\":\"interactive\"}").then().statusCode(200);
        assertEquals(200, oauth.authorize(OAuth.authorizeParams(OAuth.SCOPES)).statusCode());
    }

    @Test
    void tokensAreListedMaskedAndCanBeRevoked() {
        Response tokens = oauth.aliceTokens();
        String access = tokens.path("access_token");
        Response listed = oauth.http().get("/__admin/tokens");
        // Besides the default world's Nango connection (another app), exactly the one grant just made.
        listed.then().statusCode(200).body("grants.findAll { it.clientId == 'jirasim-client' }", hasSize(1))
                .body("accessTokens.token", everyItem(containsString("chars)")))
                .body(not(containsString(access)))
                .body(not(containsString(tokens.<String>path("refresh_token"))));
        String grantId = listed.path("grants.find { it.clientId == 'jirasim-client' }.id");
        oauth.http().contentType("application/json").body("{\"grantId\":\"" + grantId + "\"}").post("/__admin/tokens/revoke")
                .then().statusCode(200).body("revoked", equalTo(1));
        oauth.resources(access).then().statusCode(401);
        oauth.refresh(tokens.path("refresh_token")).then().statusCode(403);
    }

    @Test
    void revokeOneAccessTokenByIdOrAllOfAUser() {
        Response first = oauth.aliceTokens();
        String grant = sim.control().tokens().grants().stream().filter(g -> g.clientId().equals(OAuth.CLIENT_ID)).findFirst().orElseThrow().id();
        String id = sim.control().tokens().accessTokens().stream().filter(t -> t.grantId().equals(grant)).findFirst().orElseThrow().id();
        oauth.http().contentType("application/json").body("{\"token\":\"" + id + "\"}").post("/__admin/tokens/revoke")
                .then().statusCode(200);
        oauth.resources(first.path("access_token")).then().statusCode(401);
        Response refreshed = oauth.refresh(first.path("refresh_token"));
        refreshed.then().statusCode(200);
        // Both of alice's grants: this test's and the default world's Nango connection.
        oauth.http().contentType("application/json").body("{\"user\":\"alice@acme.test\"}").post("/__admin/tokens/revoke")
                .then().statusCode(200).body("revoked", equalTo(2));
        oauth.resources(refreshed.path("access_token")).then().statusCode(401);
        oauth.http().contentType("application/json").body("{\"token\":\"nope\"}").post("/__admin/tokens/revoke").then().statusCode(404);
        oauth.http().contentType("application/json").body("{}").post("/__admin/tokens/revoke").then().statusCode(400);
    }

    @Test
    void worldCanBeExportedReplacedAndReset() {
        String yaml = oauth.http().get("/__admin/world?format=yaml").then().statusCode(200)
                .contentType("application/yaml").extract().asString();
        assertTrue(yaml.contains("subdomain: acme"));
        String smaller = """
                version: 1
                sites:
                  - cloudId: 11111111-2222-3333-4444-555555555555
                    subdomain: solo
                users:
                  - accountId: 5b10a2844c20165700ede21g
                    email: sam@solo.test
                    sites: [solo]
                apps:
                  - clientId: solo-client
                    clientSecret: solo-secret
                    callbackUrls: [http://localhost:3000/callback]
                    scopes: [read:jira-work]
                """;
        oauth.http().contentType("application/yaml").body(smaller.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/__admin/world").then().statusCode(200)
                .body("sites", equalTo(1));
        oauth.http().get("/__admin/world").then().body("sites.subdomain", equalTo(List.of("solo")));
        oauth.http().post("/__admin/reset").then().statusCode(204);
        oauth.http().get("/__admin/world").then().body("sites", hasSize(3));
    }

    @Test
    void anInvalidWorldIsRefusedAndChangesNothing() {
        String before = oauth.http().get("/__admin/world").asString();
        put("/__admin/world", "{\"version\":1,\"sites\":[{\"cloudId\":\"x\",\"subdomain\":\"a\"}],\"users\":[{\"accountId\":\"u\",\"email\":\"u@x\",\"sites\":[\"missing\"]}]}")
                .then().statusCode(400).body("message", containsString("unknown site missing"));
        put("/__admin/world", "{\"version\":1,\"planets\":[]}").then().statusCode(400)
                .body("message", containsString("planets")).body("message", containsString("line 1"));
        put("/__admin/world", "{\"version\":1,\"sites\":\"acme\"}").then().statusCode(400);
        put("/__admin/world", "{").then().statusCode(400);
        oauth.http().contentType("application/yaml").body("sites: [\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/__admin/world").then().statusCode(400);
        assertEquals(before, oauth.http().get("/__admin/world").asString());
    }

    @Test
    void journalKeepsRequestsWithSecretsMaskedAndCanBeCleared() {
        Response tokens = oauth.aliceTokens();
        Response journal = oauth.http().get("/__admin/journal");
        journal.then().statusCode(200).body("requests.size()", greaterThan(1))
                .body("requests.find { it.path == '/auth/oauth/token' }.status", equalTo(200))
                .body(not(containsString("jirasim-secret")))
                .body(not(containsString(tokens.<String>path("access_token"))));
        oauth.resources(tokens.path("access_token"));
        oauth.http().get("/__admin/journal").then()
                .body("requests.find { it.path == '/api/oauth/token/accessible-resources' }.headers.Authorization", containsString("chars)"));
        oauth.http().delete("/__admin/journal").then().statusCode(204);
        oauth.http().get("/__admin/journal").then().body("requests", hasSize(0));
    }

    @Test
    void unknownAdminPathsAnswerInTheAdminShape() {
        oauth.http().get("/__admin/nothing").then().statusCode(404).body("status", equalTo(404)).body("error", equalTo("not_found"));
        oauth.http().get("/api/nothing").then().statusCode(404).body("code", equalTo(404));
    }

    @Test
    void controlBodiesMustBeJson() {
        put("/__admin/consent", "not json").then().statusCode(400).body("error", equalTo("bad_request"));
        put("/__admin/consent", "").then().statusCode(400);
        oauth.http().contentType("application/json").body("[1]").post("/__admin/tokens/revoke").then().statusCode(400);
    }

    @Test
    void theClockAtTheControlApiMatchesTheJavaApi() {
        Instant at = Instant.parse("2031-05-05T05:05:05Z");
        sim.control().setClock(at, true);
        oauth.http().get("/__admin/clock").then().body("now", equalTo(at.toString())).body("frozen", equalTo(true));
    }
}
