package dev.jirasim.simulator.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.Consent;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class TenantsHttpTest {
    private static final String ISSUE_PATH = "/api/ex/jira/" + OAuth.ACME + "/rest/api/3";

    private static RequestSpecification at(JirasimServer sim, String tenant) {
        return given().baseUri(sim.baseUrl(tenant)).redirects().follow(false);
    }

    private static String create(JirasimServer sim, Map<String, Object> body) {
        return given().baseUri(sim.baseUrl()).contentType("application/json").body(body).post("/__admin/tenants")
                .then().statusCode(201).extract().path("id");
    }

    private static String token(JirasimServer sim, String tenant, String user) {
        return at(sim, tenant).contentType("application/json").body(Map.of("user", user, "sites", List.of("acme")))
                .post("/__admin/tokens").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aTenantIsAWholeSimulatorUnderItsPrefix(JirasimServer sim) {
        String id = create(sim, Map.of("id", "team-a"));
        assertEquals("team-a", id);
        given().baseUri(sim.baseUrl()).get("/__admin/tenants").then().statusCode(200)
                .body("tenants.id", equalTo(List.of("default", "team-a")))
                .body("tenants[1].baseUrl", equalTo(sim.baseUrl() + "/t/team-a"));

        // The browser-less 3LO flow inside the tenant: authorize redirects, the code exchanges there.
        at(sim, id).contentType("application/json").body(Map.of("mode", "auto", "user", "bob@acme.test")).put("/__admin/consent")
                .then().statusCode(200);
        String location = at(sim, id).queryParams(OAuth.authorizeParams(OAuth.SCOPES)).get("/auth/authorize")
                .then().statusCode(302).extract().header("Location");
        String code = OAuth.query(location).get("code");
        String access = at(sim, id).contentType("application/json").body(Map.of("grant_type", "authorization_code",
                        "client_id", OAuth.CLIENT_ID, "client_secret", OAuth.CLIENT_SECRET, "code", code, "redirect_uri", OAuth.CALLBACK))
                .post("/auth/oauth/token").then().statusCode(200).extract().path("access_token");
        at(sim, id).auth().oauth2(access).get("/api/me").then().statusCode(200).body("email", equalTo("bob@acme.test"));

        // Its tokens mean nothing to the default tenant, and the default tenant's mean nothing to it.
        given().baseUri(sim.baseUrl()).auth().oauth2(access).get("/api/me").then().statusCode(401);
        String defaultToken = token(sim, null, "bob@acme.test");
        at(sim, id).auth().oauth2(defaultToken).get("/api/me").then().statusCode(401);

        // Absolute URLs it writes point back into the tenant.
        at(sim, id).auth().oauth2(access).get(ISSUE_PATH + "/issue/ACME-1").then().statusCode(200)
                .body("self", startsWith(sim.baseUrl() + "/t/team-a/api/ex/jira/"));

        // Its journal has its own requests only.
        List<String> paths = at(sim, id).get("/__admin/journal").then().statusCode(200).extract().path("requests.path");
        assertTrue(paths.contains("/auth/oauth/token"));
        given().baseUri(sim.baseUrl()).get("/__admin/journal").then().body("requests.path", not(hasItem("/auth/oauth/token")));
    }

    @Test
    void worldsClocksAndFaultsStayInTheirTenant(JirasimServer sim) {
        String a = create(sim, Map.of());
        String b = create(sim, Map.of());
        assertNotEquals(a, b);
        String ta = token(sim, a, "alice@acme.test");
        String tb = token(sim, b, "alice@acme.test");
        String key = at(sim, a).auth().oauth2(ta).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "ACME"), "summary", "Only in A", "issuetype", Map.of("name", "Task"))))
                .post(ISSUE_PATH + "/issue").then().statusCode(201).extract().path("key");
        at(sim, b).auth().oauth2(tb).get(ISSUE_PATH + "/issue/" + key).then().statusCode(404);
        at(sim, b).auth().oauth2(tb).queryParam("jql", "summary ~ \"Only in A\"").get(ISSUE_PATH + "/search/jql")
                .then().statusCode(200).body("issues.size()", equalTo(0));

        sim.control(a).advanceClock(Duration.ofHours(2));
        at(sim, a).auth().oauth2(ta).get("/api/me").then().statusCode(401);
        at(sim, b).auth().oauth2(tb).get("/api/me").then().statusCode(200);

        at(sim, b).contentType("application/json").body(Map.of("path", "/api/me", "status", 503)).post("/__admin/faults").then().statusCode(201);
        at(sim, b).auth().oauth2(tb).get("/api/me").then().statusCode(503);
        given().baseUri(sim.baseUrl()).auth().oauth2(token(sim, null, "alice@acme.test")).get("/api/me").then().statusCode(200);
    }

    @Test
    void aTenantCanStartFromItsOwnWorldAndBeDeleted(JirasimServer sim) {
        var world = Map.of("sites", List.of(Map.of("cloudId", "11111111-2222-4333-8444-555555555555", "subdomain", "solo", "name", "Solo")),
                "users", List.of(Map.of("accountId", "557058:00000000-0000-0000-0000-000000000001", "email", "sam@solo.test",
                        "displayName", "Sam", "sites", List.of("solo"))),
                "apps", List.of(Map.of("clientId", "solo-app", "clientSecret", "solo-secret", "callbackUrls", List.of("${publicUrl}/cb"))));
        String id = create(sim, Map.of("id", "solo", "world", world));
        at(sim, id).get("/__admin/world").then().statusCode(200).body("sites.subdomain", equalTo(List.of("solo")))
                .body("apps[0].callbackUrls[0]", equalTo(sim.baseUrl() + "/t/solo/cb"));
        at(sim, id).contentType("application/json").body(Map.of("user", "sam@solo.test")).post("/__admin/tokens").then().statusCode(200)
                .body("scope", equalTo(String.join(" ", TokenRequestSpec.DEFAULT_SCOPES)));

        given().baseUri(sim.baseUrl()).delete("/__admin/tenants/solo").then().statusCode(204);
        at(sim, id).get("/__admin/world").then().statusCode(404).body("message", startsWith("No tenant 'solo'"));
        at(sim, id).get("/api/me").then().statusCode(404).body("code", equalTo(404));
        given().baseUri(sim.baseUrl()).delete("/__admin/tenants/solo").then().statusCode(404);
        given().baseUri(sim.baseUrl()).delete("/__admin/tenants/default").then().statusCode(400);
    }

    @Test
    void badTenantRequestsAreRefusedAndChangeNothing(JirasimServer sim) {
        create(sim, Map.of("id", "taken"));
        given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("id", "taken")).post("/__admin/tenants")
                .then().statusCode(409).body("error", equalTo("conflict"));
        given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("id", "no spaces")).post("/__admin/tenants")
                .then().statusCode(400);
        given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("id", "bad-world", "world", Map.of("users", "nope")))
                .post("/__admin/tenants").then().statusCode(400);
        given().baseUri(sim.baseUrl()).contentType("application/json").body("[1,2]").post("/__admin/tenants").then().statusCode(400);
        given().baseUri(sim.baseUrl()).contentType("application/json").body("{").post("/__admin/tenants").then().statusCode(400);
        at(sim, "taken").get("/__admin/tenants").then().statusCode(404);
        given().baseUri(sim.baseUrl()).get("/__admin/tenants").then().body("tenants.id", equalTo(List.of("default", "taken")));
        // Tokens for someone who is not there, or a site they are not on, are a 400 with the reason.
        at(sim, "taken").contentType("application/json").body(Map.of("user", "nobody@x.test")).post("/__admin/tokens")
                .then().statusCode(400).body("message", equalTo("unknown user nobody@x.test"));
        at(sim, "taken").contentType("application/json").body(Map.of("user", "bob@acme.test", "sites", List.of("globex")))
                .post("/__admin/tokens").then().statusCode(400).body("message", equalTo("bob@acme.test has no access to site globex"));
        at(sim, "taken").contentType("application/json").body(Map.of("user", "bob@acme.test", "clientId", "jirasim-private-client"))
                .post("/__admin/tokens").then().statusCode(400);
    }

    @Test
    void parallelTenantsNeverSeeEachOther(JirasimServer sim) throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        var start = new CountDownLatch(1);
        var keys = new ConcurrentHashMap<String, List<String>>();
        var futures = new ArrayList<CompletableFuture<Void>>();
        try {
            for (int i = 0; i < n; i++) {
                int me = i;
                futures.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    String id = sim.createTenant("p" + me).id();
                    String t = sim.control(id).issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).accessToken();
                    var mine = new ArrayList<String>();
                    for (int k = 0; k < 3; k++) {
                        mine.add(at(sim, id).auth().oauth2(t).contentType("application/json")
                                .body(Map.of("fields", Map.of("project", Map.of("key", "OPS"), "summary", "marker-" + me,
                                        "issuetype", Map.of("name", "Task"))))
                                .post(ISSUE_PATH + "/issue").then().statusCode(201).extract().path("key"));
                    }
                    List<String> found = at(sim, id).auth().oauth2(t).queryParam("jql", "summary ~ marker ORDER BY key")
                            .get(ISSUE_PATH + "/search/jql").then().statusCode(200).extract().path("issues.key");
                    keys.put(id, found);
                    assertEquals(mine, found, "tenant " + id + " sees only its own three issues");
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n, keys.size());
        // Every tenant numbered its issues from the same seed: the keys are equal, the worlds are not shared.
        assertEquals(1, keys.values().stream().distinct().count());
        assertFalse(sim.control().journal().stream().anyMatch(e -> e.path().contains("/issue")));
        sim.control().consent(Consent.INTERACTIVE);
    }

    /** A delayed request resumes on a timer thread; it must still be served by its own tenant. */
    @Test
    void aDelayedRequestStaysInItsTenant(JirasimServer sim) {
        String id = create(sim, Map.of("id", "slow"));
        String token = token(sim, id, "bob@acme.test");
        at(sim, id).contentType("application/json").body(Map.of("path", "/api/me", "delayMs", 50)).post("/__admin/faults").then().statusCode(201);
        at(sim, id).auth().oauth2(token).get("/api/me").then().statusCode(200).body("email", equalTo("bob@acme.test"));
        List<String> paths = at(sim, id).get("/__admin/journal").then().extract().path("requests.path");
        assertTrue(paths.contains("/api/me"), paths.toString());
        given().baseUri(sim.baseUrl()).get("/__admin/journal").then().body("requests.path", not(hasItem("/api/me")));
    }
}
