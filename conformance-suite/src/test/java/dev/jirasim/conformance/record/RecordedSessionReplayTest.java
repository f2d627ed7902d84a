package dev.jirasim.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.conformance.cli.ConformanceRun;
import dev.jirasim.conformance.mutation.MutatingProxy;
import dev.jirasim.conformance.mutation.MutatingProxy.Mutation;
import dev.jirasim.conformance.parse.TargetParser;
import dev.jirasim.conformance.record.proxy.RecordingProxy;
import dev.jirasim.conformance.report.Results;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of record mode: a client goes through the recorder to a real simulator (a refused token
 * request, the authorize → code → token flow, accessible-resources, a Jira search, a Nango call); the written
 * file then replays green against that upstream and fails against one that answers differently.
 */
class RecordedSessionReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG_SECRET = "not-the-real-secret-4711";
    private static final String MADE_UP_CODE = "made-up-code-0815";
    private static final String COOKIE = "session=cookie-value-1234";
    @TempDir
    static Path dir;
    private static JirasimServer sim;
    private static Path recorded;
    /** Every credential the session carried: none may be in the file. */
    private static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void record() throws Exception {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        Path targetFile = Targets.file(dir, sim.baseUrl(), "consent-automation, seed");
        var target = TargetParser.parse(targetFile, System::getenv);
        recorded = dir.resolve("oauth-session.yaml");
        try (var recorder = RecordingProxy.start(new RecorderConfig(sim.baseUrl(), 0, recorded, target))) {
            var client = new TestClient(recorder.baseUrl());
            drive(client, target.variables());
        }
        secrets.addAll(List.of(WRONG_SECRET, MADE_UP_CODE, "cookie-value-1234", "jirasim-secret", "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c"));
    }

    /** What an integration does, through the recorder. */
    private static void drive(TestClient client, Map<String, String> v) throws Exception {
        client.expect(200, "PUT", "/__admin/consent", Map.of(),
                "{\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[\"acme\"],\"decision\":\"approve\"}");
        client.expect(401, "POST", "/auth/oauth/token", Map.of(), json(Map.of("grant_type", "authorization_code",
                "client_id", v.get("clientId"), "client_secret", WRONG_SECRET, "code", MADE_UP_CODE, "redirect_uri", v.get("callback"))));
        var authorize = client.expect(302, "GET", "/auth/authorize?audience=api.atlassian.com&client_id=" + v.get("clientId")
                + "&scope=read%3Ajira-work%20offline_access&redirect_uri=" + TestClient.encode(v.get("callback"))
                + "&state=s-42&response_type=code&prompt=consent", Map.of(), null);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        String code = TestClient.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        var tokens = JSON.readTree(client.expect(200, "POST", "/auth/oauth/token", Map.of(), json(Map.of("grant_type", "authorization_code",
                "client_id", v.get("clientId"), "client_secret", v.get("clientSecret"), "code", code, "redirect_uri", v.get("callback")))).body());
        String token = tokens.get("access_token").asText();
        secrets.addAll(List.of(code, token, tokens.get("refresh_token").asText()));
        var bearer = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        client.expect(200, "GET", "/api/oauth/token/accessible-resources", bearer, null);
        client.expect(200, "POST", "/api/ex/jira/" + v.get("acmeCloudId") + "/rest/api/3/search/jql", bearer,
                "{\"jql\":\"project = ACME ORDER BY key ASC\",\"maxResults\":2,\"fields\":[\"summary\",\"created\"]}");
        client.expect(200, "GET", "/nango/integrations", Map.of("Authorization", "Bearer " + v.get("nangoSecretKey"), "Cookie", COOKIE), null);
    }

    private static String json(Map<String, String> members) throws Exception {
        return JSON.writeValueAsString(members);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theFileNamesTheVariablesTheTargetMustAddAndUsesCapturesForTheRest() throws Exception {
        String text = Files.readString(recorded);
        assertTrue(text.contains("#   clientSecret2: <value>   # used in step 2 (client_secret)"), text);
        assertTrue(text.contains("#   code: <value>   # used in step 2 (code)"), text);
        assertTrue(text.contains("#   cookie: <value>"), text);
        assertTrue(text.contains("code2: {redirectQuery: code}") && text.contains("accessToken: {json: $.access_token}"), text);
        assertTrue(text.contains("Authorization: \"Bearer ${accessToken}\"") && text.contains("${api}/ex/jira/${acmeCloudId}/rest/api/3/search/jql"), text);
        assertTrue(text.contains("requires: [consent-automation]") && text.contains("    consent:\n"), text);
    }

    @Test
    void noSecretOfTheSessionAppearsInTheFile() throws Exception {
        String text = Files.readString(recorded);
        assertEquals(8, secrets.size());
        for (String secret : secrets) assertFalse(text.contains(secret), "the file holds a secret: " + secret + "\n" + text);
    }

    @Test
    void theRecordingReplaysGreenAgainstItsUpstream() throws Exception {
        Results results = replay(sim.baseUrl());
        assertEquals(1, results.scenarios().size());
        assertEquals(Results.Outcome.PASSED, results.scenarios().get(0).outcome, results.scenarios().get(0).steps.toString());
    }

    @Test
    void theRecordingFailsAgainstAnUpstreamThatChangesAStatusOrAMembersType() throws Exception {
        try (var proxy = new MutatingProxy(sim.baseUrl())) {
            assertEquals(0, replay(proxy.baseUrl()).unexpectedFailures(), "the proxy alone changes nothing");
            proxy.mutate(Mutation.rewriting("a refused client gets 400", e -> e.status() == 401 ? e.withStatus(400) : e));
            assertFailed(replay(proxy.baseUrl()), "Step 2: POST /oauth/token answers 401");
            proxy.mutate(Mutation.rewriting("expires_in is a string", e -> {
                JsonNode body = e.status() == 200 && e.path().endsWith("/oauth/token") ? parse(e.body()) : null;
                if (body == null || !body.has("expires_in")) return e;
                ((ObjectNode) body).put("expires_in", body.get("expires_in").asText());
                return e.withBody(body.toString());
            }));
            assertFailed(replay(proxy.baseUrl()), "expires_in");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static void assertFailed(Results results, String evidence) {
        var scenario = results.scenarios().get(0);
        assertEquals(Results.Outcome.FAILED, scenario.outcome);
        assertTrue(scenario.steps.stream().anyMatch(s -> s.message() != null && (s.name() + " " + s.message()).contains(evidence)),
                "a step fails on " + evidence + ": " + scenario.steps);
    }

    /** Runs the recorded file against a simulator at {@code baseUrl}, with the variables the header asks for. */
    private static Results replay(String baseUrl) throws Exception {
        Path target = Targets.file(dir, baseUrl, "consent-automation, seed");
        Files.writeString(target, Files.readString(target) + "  clientSecret2: " + WRONG_SECRET + "\n  code: " + MADE_UP_CODE
                + "\n  cookie: \"" + COOKIE + "\"\n");
        var out = new ByteArrayOutputStream();
        Results results = new ConformanceRun(target.toString(), List.of(recorded), null, null, null)
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8));
        return results;
    }
}
