package dev.jirasim.simulator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.Jirasim;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.world.WorldFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random requests over every route of every emulated service and the control API: random methods, headers,
 * query strings and bodies (malformed JSON, wrong types, deep nesting, huge values, odd Unicode, NUL bytes).
 * Never a 5xx, never a stack trace or class name in the body, and a rejected request leaves the world as it was.
 */
class BadInputProperties {
    static final String ACME = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";
    static final List<String> ROUTES = List.of(
            "/auth/authorize", "/auth/authorize/login", "/auth/authorize/consent", "/auth/oauth/token",
            "/api/oauth/token/accessible-resources", "/api/me",
            "/api/ex/jira/" + ACME + "/rest/api/3/search/jql", "/api/ex/jira/" + ACME + "/rest/api/2/search",
            "/api/ex/jira/" + ACME + "/rest/api/3/search/approximate-count", "/api/ex/jira/" + ACME + "/rest/api/3/jql/parse",
            "/api/ex/jira/" + ACME + "/rest/api/3/issue", "/api/ex/jira/" + ACME + "/rest/api/3/issue/ACME-1",
            "/api/ex/jira/" + ACME + "/rest/api/2/issue/ACME-2/comment", "/api/ex/jira/" + ACME + "/rest/api/3/issue/ACME-3/transitions",
            "/api/ex/jira/" + ACME + "/rest/api/3/myself", "/api/ex/jira/" + ACME + "/rest/api/3/project/search",
            "/api/ex/jira/" + ACME + "/rest/api/9/serverInfo", "/api/ex/jira/not-a-cloud-id/rest/api/3/myself",
            "/__admin/world", "/__admin/clock", "/__admin/clock/advance", "/__admin/consent", "/__admin/tokens",
            "/__admin/tokens/revoke", "/__admin/journal", "/__admin/tenants", "/__admin/tenants/x", "/__admin/dc/dc1/consent",
            "/nango/integrations", "/nango/integrations/jira", "/nango/connections", "/nango/connection/alice-acme",
            "/nango/connections/alice-acme", "/nango/connect/sessions", "/nango/connect", "/nango/oauth/connect/jira",
            "/nango/oauth/callback", "/nango/proxy/ex/jira/" + ACME + "/rest/api/3/myself",
            "/dc/dc1/rest/oauth2/latest/authorize", "/dc/dc1/rest/oauth2/latest/token", "/dc/dc1/plugins/servlet/oauth2/consent",
            "/dc/dc1/rest/api/2/myself", "/dc/dc1/rest/api/latest/search", "/dc/dc1/rest/api/2/issue", "/dc/dc1/rest/api/2/issue/DCP-1",
            "/dc/dc1/rest/api/2/project", "/dc/nope/rest/api/2/serverInfo", "/t/nobody/api/me", "/nothing/here");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private static Jirasim sim;
    private static String cloudToken;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final AtomicInteger SENT = new AtomicInteger();

    record Fuzz(String method, String route, String query, String auth, String contentType, String body) {
    }

    @BeforeContainer
    static void start() {
        sim = Jirasim.start(SimulatorConfig.builder().randomPort().build());
        cloudToken = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test")).accessToken();
    }

    @AfterContainer
    static void stop() {
        System.out.println("BadInputProperties sent " + SENT.get() + " requests");
        sim.close();
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<String> weird = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("{}[]\":,\\\u0000\u202e\ud83d\ude00 ").ofMaxLength(30),
                Arbitraries.of("", "null", "[]", "{}", "{\"jql\":42}", "{\"fields\":{\"project\":{\"key\":[1]}}}", "\"text\"", "-1",
                        "9999999999999999999999", "{\"seconds\":9223372036854775807}", "{\"now\":\"yesterday\"}",
                        "{\"mode\":\"auto\",\"user\":\"nobody\"}", "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"x\"}",
                        "grant_type=authorization_code&code=%00&redirect_uri=http://x", "{\"id\":\"../../etc\"}",
                        "{\"queries\":[null,1,{}]}", "version: 1\nusers: [{accountId: x}]", "{\"world\":[]}",
                        "{\"end_user\":{\"id\":\"\u0000\"}}", "a".repeat(5000)),
                Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n % 2 == 0 ? n : 0)));
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("jql", "maxResults", "startAt", "nextPageToken", "fields", "client_id", "scope",
                        "redirect_uri", "state", "provider_config_key", "force_refresh", "validation", "validateQuery", "connect_session_token",
                        "params[subdomain]", "format", "code", "limit"), weird)
                        .as((k, v) -> URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Arbitrary<String> auth = Arbitraries.of("", "Bearer " + "x", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "Basic Zm9vOmJhcg==",
                "Bearer NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE", "Bearer", "CLOUD");
        Arbitrary<String> contentType = Arbitraries.of("", "application/json", "application/x-www-form-urlencoded", "text/plain",
                "application/yaml", "multipart/form-data; boundary=x", "application/json; charset=ebcdic");
        return Combinators.combine(Arbitraries.of(METHODS), Arbitraries.of(ROUTES), query, auth, contentType, weird).as(Fuzz::new);
    }

    @Property(tries = 600)
    void neverAServerErrorNorAStackTraceAndRejectionsChangeNothing(@ForAll("requests") Fuzz f) throws Exception {
        sim.control().clearFaults();
        String before = WorldFiles.toJson(sim.control().exportWorld());
        HttpResponse<String> r = send(f);
        SENT.incrementAndGet();
        String body = r.body() == null ? "" : r.body();
        assertTrue(r.statusCode() < 500 || isDeliberate(f, r), () -> f + " answered " + r.statusCode() + ": " + body);
        assertFalse(body.contains("at dev.jirasim") || body.contains("Exception") || body.contains("java.lang"),
                () -> f + " leaked internals: " + body);
        if (r.statusCode() >= 400) {
            assertEquals(before, WorldFiles.toJson(sim.control().exportWorld()), () -> f + " was refused with " + r.statusCode() + " but changed the world");
        }
    }

    /** Jira DC's token endpoint answers a JSON body with a 500: that one is fidelity, not a crash. */
    private static boolean isDeliberate(Fuzz f, HttpResponse<String> r) {
        return r.statusCode() == 500 && f.route().endsWith("/rest/oauth2/latest/token") && f.contentType().startsWith("application/json");
    }

    private static HttpResponse<String> send(Fuzz f) throws IOException, InterruptedException {
        String url = sim.baseUrl() + f.route() + (f.query().isEmpty() ? "" : "?" + f.query());
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        String auth = f.auth().equals("CLOUD") ? "Bearer " + cloudToken : f.auth();
        if (!auth.isEmpty()) b.header("Authorization", auth);
        if (!f.contentType().isEmpty()) b.header("Content-Type", f.contentType());
        b.method(f.method(), f.method().equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(f.body()));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
