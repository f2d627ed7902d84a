package dev.jirasim.simulator.fuzz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.WorldFiles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per cause of a 5xx (or of a silent 2xx) found by the outside bad-input campaign of issue 14, each
 * against a fresh default world. Every refused request must leave the world exactly as it was.
 */
@ExtendWith(SimulatorExtension.class)
class BadInputRegressionHttpTest {
    static final String ACME = BadInputProperties.ACME;
    static final String NANGO_KEY = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";

    private static RequestSpecification http(JirasimServer sim) {
        return given().baseUri(sim.baseUrl()).urlEncodingEnabled(false);
    }

    /** Runs a request that must be refused with a 4xx and must not change the world. */
    private static Response refused(JirasimServer sim, Supplier<Response> request, int status) {
        String before = WorldFiles.toJson(sim.control().exportWorld());
        Response r = request.get();
        assertEquals(status, r.statusCode(), () -> r.asString());
        assertTrue(!r.asString().contains("Exception") && !r.asString().contains("java."), r::asString);
        assertEquals(before, WorldFiles.toJson(sim.control().exportWorld()), "a refused request changed the world");
        return r;
    }

    @Test
    void aLongStringInABodyIsStoredAndJournaledWithoutFailing(JirasimServer sim) {
        // Defect 1: the journal's regex overflowed the stack on a 20 000-char string; the create stayed but answered 500.
        var jira = Jira.alice(sim);
        String summary = "x".repeat(20_000);
        jira.on(ACME, 2).contentType("application/json")
                .body("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"" + summary
                        + "\",\"client_secret\":\"" + "s".repeat(50_000) + "\"}}")
                .post("/issue").then().statusCode(400).body("errors.client_secret", containsString("cannot be set"));
        String key = jira.on(ACME, 2).contentType("application/json")
                .body("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"" + summary + "\"}}")
                .post("/issue").then().statusCode(201).extract().path("key");
        jira.on(ACME, 2).get("/issue/" + key + "?fields=summary").then().statusCode(200).body("fields.summary", equalTo(summary));
        var journal = sim.control().journal();
        var created = journal.get(journal.size() - 2);
        assertEquals("POST", created.method());
        assertTrue(created.body().contains(summary), "the journal keeps the body");
        var refused = journal.get(journal.size() - 3);
        assertTrue(refused.body().contains("\"client_secret\":\"ssss…(50000 chars)\""), "secrets stay masked: " + refused.body().length());
    }

    @Test
    void jqlParseTakesASortFieldWithoutDirection(JirasimServer sim) {
        Jira.alice(sim).on(ACME, 3).contentType("application/json").body("{\"queries\":[\"project = ACME ORDER BY created\"]}")
                .post("/jql/parse").then().statusCode(200)
                .body("queries[0].structure.orderBy.fields[0].field.name", equalTo("created"))
                .body("queries[0].structure.orderBy.fields[0]", not(hasKey("direction")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"created > startOfMonth(\"-9999999999M\")", "created > startOfYear(\"+99999999y\")",
            "created > \"-99999999999w\"", "created > 9223372036854775807", "updated < endOfDay(\"-9999999999d\")"})
    void extremeDatesInJqlAreJiraErrors(String jql, JirasimServer sim) {
        Jira.alice(sim).on(ACME, 3).queryParam("jql", jql.replace(" ", "%20").replace("\"", "%22").replace(">", "%3E").replace("<", "%3C")
                        .replace("+", "%2B")).get("/search/jql")
                .then().statusCode(400).body("errorMessages[0]", not(containsString("Internal")));
        given().baseUri(sim.baseUrl()).auth().preemptive().basic("jdoe", "jdoe").queryParam("jql", jql)
                .get("/dc/dc1/rest/api/2/search").then().statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void tokenEndpointRefusesHugeNumbersAndDeepNesting(JirasimServer sim) {
        for (String body : List.of("{\"grant_type\":" + "1".repeat(1001) + "}", "[".repeat(1001) + "]".repeat(1001),
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            refused(sim, () -> http(sim).contentType("application/json").body(body).post("/auth/oauth/token"), 400)
                    .then().body("error", equalTo("invalid_request"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {";", " ; ", ";charset=utf-8", ",", "/"})
    void oddContentTypesAreRefusedNotCrashes(String type, JirasimServer sim) throws IOException {
        String token = Jira.alice(sim).token();
        for (String path : List.of("/auth/oauth/token", "/api/ex/jira/" + ACME + "/rest/api/3/search/jql")) {
            String before = WorldFiles.toJson(sim.control().exportWorld());
            String answer = raw(sim, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertTrue(answer.startsWith("HTTP/1.1 415"), path + ": " + answer);
            assertEquals(before, WorldFiles.toJson(sim.control().exportWorld()));
        }
    }

    @Test
    void aCommentBodyOfTheWrongTypeIsAFieldError(JirasimServer sim) {
        var jira = Jira.alice(sim);
        refused(sim, () -> jira.on(ACME, 3).contentType("application/json").body("{\"body\":1}").post("/issue/ACME-1/comment"), 400)
                .then().body("errors.comment", containsString("Atlassian Document"));
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"body\":true}").post("/issue/ACME-1/comment"), 400)
                .then().body("errors.comment", equalTo("Operation value must be a string"));
    }

    @Test
    void pagingAtTheIntLimitsIsAnEmptyPageOrA400(JirasimServer sim) {
        var jira = Jira.alice(sim);
        jira.on(ACME, 3).get("/issue/ACME-1/comment?startAt=2147483647").then().statusCode(200).body("comments.size()", equalTo(0));
        jira.on(ACME, 3).get("/issue/ACME-1/comment?maxResults=-2147483648").then().statusCode(200).body("comments.size()", equalTo(0));
        jira.on(ACME, 3).get("/issue/ACME-1/comment?startAt=-1").then().statusCode(400);
        jira.on(ACME, 3).get("/project/search?startAt=2147483647&maxResults=100").then().statusCode(200).body("values.size()", equalTo(0))
                .body("isLast", equalTo(true));
        jira.on(ACME, 3).get("/project/search?maxResults=-2147483648").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ex/jira/%u002e/rest/api/3/myself", "/api/ex/jira/%/rest/api/3/myself", "/nango/connection/%zz",
            "/dc/dc1/rest/api/2/issue/%E", "/__admin/tenants/%g0"})
    void brokenPercentEscapesInThePathAre400(String path, JirasimServer sim) throws IOException {
        String answer = raw(sim, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        // Jetty refuses most broken escapes itself (its own 400 page); the ones it lets through get ours.
        assertTrue(answer.startsWith("HTTP/1.1 400") && !answer.contains("Exception"), answer);
        if (path.contains("%u")) assertTrue(answer.contains("percent-escape"), answer);
    }

    private static RequestSpecification nango(JirasimServer sim) {
        return http(sim).header("Authorization", "Bearer " + NANGO_KEY).header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme");
    }

    @Test
    void nangoProxyRefusesAnOutOfRangeRetryOn(JirasimServer sim) {
        refused(sim, () -> nango(sim).header("Retry-On", "999999999999").get("/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself"), 400)
                .then().body("error.code", equalTo("invalid_headers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "Content-Length", "Connection", "Expect", "Upgrade", "Transfer-Encoding"})
    void nangoProxyKeepsHopHeadersToItself(String name, JirasimServer sim) {
        nango(sim).header("Nango-Proxy-" + name, "100-continue").get("/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself")
                .then().statusCode(200).body("emailAddress", equalTo("alice@acme.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "-5", "7fffffffffffffffff"})
    void malformedChunkedFramingIsA400(String chunkSize, JirasimServer sim) throws IOException {
        for (String path : List.of("/auth/oauth/token", "/api/ex/jira/" + ACME + "/rest/api/3/issue", "/__admin/world", "/nango/connect/sessions",
                "/dc/dc1/rest/oauth2/latest/token")) {
            String before = WorldFiles.toJson(sim.control().exportWorld());
            String status = raw(sim, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunkSize + "\r\nabc\r\n0\r\n\r\n");
            assertTrue(status.startsWith("HTTP/1.1 400"), path + ": " + status);
            assertEquals(before, WorldFiles.toJson(sim.control().exportWorld()));
        }
        // A stream that ends inside a chunk.
        String status = raw(sim, "POST /auth/oauth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n10\r\nabc");
        assertTrue(status.startsWith("HTTP/1.1 400"), status);
    }

    /** Sends raw bytes (framing or names no HTTP client would produce) and returns the whole answer; output is shut after sending. */
    static String raw(JirasimServer sim, String request) throws IOException {
        var uri = java.net.URI.create(sim.baseUrl());
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aWorldWithANullEntryIsRefused(JirasimServer sim) {
        for (String world : List.of("{\"apps\":[null]}", "{\"sites\":[null]}", "{\"users\":[null]}", "{\"issues\":[null]}", "{\"projects\":[null]}")) {
            refused(sim, () -> http(sim).contentType("application/json").body(world).put("/__admin/world"), 400)
                    .then().body("message", startsWith("Invalid world"));
        }
    }

    @Test
    void aLoneSurrogateIsRefusedAtTheDoorAndSearchKeepsWorking(JirasimServer sim) {
        var jira = Jira.alice(sim);
        for (String summary : List.of("\\ud800", "a\\udfff", "\\ud83d\\u0041", "\\ud83d")) {
            refused(sim, () -> jira.on(ACME, 2).contentType("application/json")
                    .body("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"" + summary + "\"}}")
                    .post("/issue"), 400).then().body("errorMessages[0]", containsString("surrogate"));
        }
        // A proper pair (an emoji) is fine, and so is an escaped backslash before a 'u'.
        jira.on(ACME, 2).contentType("application/json")
                .body("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"ok \\ud83d\\ude00 \\\\ud800\"}}")
                .post("/issue").then().statusCode(201);
        jira.on(ACME, 3).queryParam("jql", "project = ACME").queryParam("fields", "summary").get("/search/jql").then().statusCode(200);
        refused(sim, () -> http(sim).contentType("application/yaml").body("sites: [{subdomain: \"\\ud800\"}]".getBytes(StandardCharsets.UTF_8)).put("/__admin/world"), 400);
    }

    @Test
    void theClockCannotBeMovedOutOfRangeAndARefusalMovesNothing(JirasimServer sim) {
        http(sim).contentType("application/json").body("{\"frozen\":true}").put("/__admin/clock").then().statusCode(200);
        String frozenAt = http(sim).get("/__admin/clock").path("now");
        refused(sim, () -> http(sim).contentType("application/json").body("{\"seconds\":9223372036854775807}").post("/__admin/clock/advance"), 400);
        refused(sim, () -> http(sim).contentType("application/json").body("{\"now\":\"-1000000000-01-01T00:00:00Z\",\"frozen\":false}")
                .put("/__admin/clock"), 400);
        refused(sim, () -> http(sim).contentType("application/json").body("{\"now\":\"+1000000000-01-01T00:00:00Z\"}").put("/__admin/clock"), 400);
        http(sim).get("/__admin/clock").then().statusCode(200).body("now", equalTo(frozenAt)).body("frozen", equalTo(true));
        // The far edge itself still issues tokens and answers Nango.
        http(sim).contentType("application/json").body("{\"now\":\"2999-12-31T00:00:00Z\"}").put("/__admin/clock").then().statusCode(200);
        http(sim).contentType("application/json").body("{\"user\":\"alice@acme.test\"}").post("/__admin/tokens").then().statusCode(200);
        // Nango's stored refresh token is long inactive by then: its own refusal, not a crash.
        nango(sim).get("/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself").then().statusCode(org.hamcrest.Matchers.lessThan(500))
                .body("error.message", containsString("invalid_grant"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth: {accessTokenSeconds: 9223372036854775807}", "auth: {refreshAbsoluteSeconds: 999999999999}",
            "sites: [{subdomain: a, cloudId: 11111111-1111-4111-8111-111111111111, name: A, url: 'https://a.atlassian.net'}]\n"
                    + "issues: [{key: X-1, created: '-1000000000-01-01T00:00:00Z'}]",
            "tokens: {grants: [{id: g, clientId: c, accountId: a, createdAt: '+1000000000-01-01T00:00:00Z'}]}"})
    void worldFilesWithExtremeValuesAreRefusedWhenLoaded(String world, JirasimServer sim) {
        refused(sim, () -> http(sim).contentType("application/yaml").body(world.getBytes(StandardCharsets.UTF_8)).put("/__admin/world"), 400)
                .then().body("message", startsWith("Invalid world"));
    }

    @Test
    void longAdminBodiesAreAnsweredQuicklyWithoutJavaTypes(JirasimServer sim) {
        String big = "\"" + "9".repeat(300_000) + "\"";
        long start = System.nanoTime();
        for (String path : List.of("/__admin/clock", "/__admin/consent", "/__admin/tokens", "/__admin/faults")) {
            String method = path.equals("/__admin/tokens") || path.equals("/__admin/faults") ? "POST" : "PUT";
            refused(sim, () -> http(sim).contentType("application/json").body("{\"now\":" + big + "}").request(method, path), 400);
        }
        // Not a timing assertion on speed, a guard against the quadratic cleaner: it took 11-17 s for 40 KB.
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "admin errors took too long");
    }

    @Test
    void adminErrorsNameNoJavaTypes(JirasimServer sim) {
        refused(sim, () -> http(sim).contentType("application/json").body("{\"sites\":{}}").put("/__admin/world"), 400)
                .then().body("message", equalTo("Invalid world: Expected a list. (at sites) [line 1, column 10]"));
        refused(sim, () -> http(sim).contentType("application/json").body("{\"world\":{\"sites\":{}}}").post("/__admin/tenants"), 400)
                .then().body("message", not(containsString("dev.jirasim"))).body("message", not(containsString("java.util")));
        refused(sim, () -> http(sim).contentType("application/json").body("[1]").put("/__admin/clock"), 400)
                .then().body("message", equalTo("Expected an object. [line 1, column 1]"));
        refused(sim, () -> http(sim).contentType("application/json").body("{\"seconds\":\"soon\"}").post("/__admin/clock/advance"), 400)
                .then().body("message", containsString("'soon' is not a whole number"));
    }

    @Test
    void writesThatJiraRefusesAreRefusedHereToo(JirasimServer sim) {
        var jira = Jira.alice(sim);
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"body\":\"hi\",\"visibility\":{\"type\":\"bogus\"}}")
                .post("/issue/ACME-1/comment"), 400).then().body("errors", hasKey("visibility"));
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"body\":\"hi\",\"visibility\":{\"type\":\"role\",\"value\":\"Testers\"}}")
                .post("/issue/ACME-1/comment"), 400).then().body("errors.commentLevel", equalTo("Invalid role level specified."));
        refused(sim, () -> jira.on(ACME, 3).contentType("application/json").body("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}")
                .post("/issue/ACME-1/comment"), 400).then().body("errors.comment", equalTo("Comment body can not be empty!"));
        refused(sim, () -> jira.on(ACME, 3).contentType("application/json")
                .body("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[]}]}}")
                .post("/issue/ACME-1/comment"), 400);
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"fields\":{\"summary\":\"new\"},\"update\":{\"labels\":[{\"bogus\":1}]}}")
                .put("/issue/ACME-1"), 400).then().body("errors", hasKey("labels"));
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"fields\":{\"summary\":\"new\"},\"update\":{\"summary\":[{\"set\":\"x\"}]}}")
                .put("/issue/ACME-1"), 400).then().body("errorMessages[0]", equalTo("Field 'summary' cannot appear in both 'fields' and 'update'"));
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json").body("{\"transition\":{\"id\":\"21\"},\"fields\":{\"bogus\":1}}")
                .post("/issue/ACME-4/transitions"), 400).then().body("errors.bogus", containsString("cannot be set"));
        refused(sim, () -> jira.on(ACME, 2).contentType("application/json")
                .body("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":5}}").post("/issue"), 400)
                .then().body("errors.summary", equalTo("Operation value must be a string"));
        refused(sim, () -> http(sim).contentType("application/json").body("{\"user\":\"alice@acme.test\",\"scopes\":[\"bogus:scope\"]}")
                .post("/__admin/tokens"), 400).then().body("message", containsString("bogus:scope"));
    }

    @Test
    void updateOperationsApplyLikeJira(JirasimServer sim) {
        var jira = Jira.alice(sim);
        jira.on(ACME, 2).contentType("application/json")
                .body("{\"update\":{\"labels\":[{\"add\":\"triaged\"},{\"add\":\"later\"},{\"remove\":\"later\"}],\"summary\":[{\"set\":\"via update\"}]}}")
                .put("/issue/ACME-1").then().statusCode(204);
        jira.on(ACME, 2).get("/issue/ACME-1?fields=summary,labels").then().statusCode(200)
                .body("fields.summary", equalTo("via update"))
                .body("fields.labels", org.hamcrest.Matchers.hasItem("triaged"))
                .body("fields.labels", not(org.hamcrest.Matchers.hasItem("later")));
    }
}
