package dev.jirasim.conformance.cli;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.engine.ScenarioFilesForTests;
import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.parse.ScenarioParser;
import dev.jirasim.conformance.report.Results;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.world.Consent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped live target files, run against a simulator started without its control API standing in for the live
 * services: exactly the live-safe scenarios run (each other one is skipped with its reason), the bootstrap turns a
 * stored refresh token into an access token and a cloudId and writes the rotated refresh token back, and the
 * destructive scenario leaves no issue behind, even when a step fails midway.
 */
class LiveTargetTest {
    private static final Path SCENARIOS = Targets.SCENARIOS;
    private static final String CALLBACK = "http://localhost:3000/callback";
    private static JirasimServer sim;

    @BeforeAll
    static void start() {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().noAdmin(true).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** What a developer does once by hand against the real site: a grant with offline_access, its refresh token kept. */
    private static String refreshTokenOfAGrant() {
        sim.control().consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), Consent.Decision.APPROVE));
        String location = given().baseUri(sim.baseUrl()).redirects().follow(false)
                .queryParam("audience", "api.atlassian.com").queryParam("client_id", "jirasim-client")
                .queryParam("scope", "read:jira-work write:jira-work read:jira-user offline_access").queryParam("redirect_uri", CALLBACK)
                .queryParam("state", "live").queryParam("response_type", "code")
                .get("/auth/authorize").then().statusCode(302).extract().header("Location");
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        return given().baseUri(sim.baseUrl()).contentType("application/json")
                .body(Map.of("grant_type", "authorization_code", "client_id", "jirasim-client", "client_secret", "jirasim-secret",
                        "code", code, "redirect_uri", CALLBACK))
                .post("/auth/oauth/token").then().statusCode(200).extract().path("refresh_token");
    }

    private static Path liveTarget(Path dir, String name, Map<String, String> urls) throws Exception {
        String text = Files.readString(SCENARIOS.resolve("targets/" + name));
        for (var e : urls.entrySet()) text = text.replace(e.getKey(), e.getValue());
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, String> cloudEnv(Path tokenFile) {
        return Map.of("ATLASSIAN_CLIENT_ID", "jirasim-client", "ATLASSIAN_CLIENT_SECRET", "jirasim-secret", "ATLASSIAN_CALLBACK_URL", CALLBACK,
                "ATLASSIAN_REFRESH_TOKEN_FILE", tokenFile.toString(), "ATLASSIAN_SITE_URL", "https://acme.atlassian.net", "JIRASIM_LIVE_PROJECT", "ACME");
    }

    private static Path cloudTarget(Path dir) throws Exception {
        return liveTarget(dir, "atlassian-cloud.yaml", Map.of("https://auth.atlassian.com", sim.baseUrl() + "/auth",
                "https://api.atlassian.com", sim.baseUrl() + "/api"));
    }

    private static Results run(Path target, Map<String, String> env, Path scenarios) {
        return new ConformanceRun(target.toString(), List.of(scenarios), null, null, null).withEnv(env)
                .execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The live-safe scenarios that use only these services. */
    private static Set<String> liveSafe(Set<String> services) throws Exception {
        var ids = new TreeSet<String>();
        for (Path file : ScenarioFilesForTests.list(SCENARIOS)) {
            for (Scenario s : ScenarioParser.parse(file)) {
                if (s.liveSafe() && services.containsAll(dev.jirasim.conformance.steps.Steps.services(s))) ids.add(s.id());
            }
        }
        return ids;
    }

    private static Set<String> ids(Results results, Results.Outcome outcome) {
        return results.scenarios().stream().filter(s -> s.outcome == outcome).map(s -> s.id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int acmeIssues(String accessToken) {
        return given().baseUri(sim.baseUrl()).auth().oauth2(accessToken).contentType("application/json").body(Map.of("jql", "project = ACME"))
                .post("/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3/search/approximate-count").then().statusCode(200)
                .extract().path("count");
    }

    @Test
    void theCloudTargetRunsExactlyTheLiveSafeScenariosAndKeepsTheRotatedRefreshToken(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("refresh-token");
        String first = refreshTokenOfAGrant();
        Files.writeString(tokens, first + "\n");
        Results results = run(cloudTarget(dir), cloudEnv(tokens), SCENARIOS);

        Set<String> expected = liveSafe(Set.of("auth", "api"));
        assertTrue(expected.containsAll(Set.of("live-cloud-token-reaches-the-sites-it-was-granted", "live-cloud-issue-write-cleans-up-after-itself",
                "token-endpoint-rejects-bad-client-credentials")), expected.toString());
        assertEquals(expected, ids(results, Results.Outcome.PASSED), () -> results.scenarios().stream()
                .filter(s -> s.outcome == Results.Outcome.FAILED).map(s -> s.id + ": " + s.reason).toList().toString());
        assertEquals(Set.of(), ids(results, Results.Outcome.FAILED));
        for (Results.ScenarioResult s : results.scenarios()) {
            if (expected.contains(s.id)) continue;
            assertEquals(Results.Outcome.SKIPPED, s.outcome, s.id);
            assertTrue(s.reason.contains("is live and scenario " + s.id + " is not marked live-safe") || s.reason.contains("has no base URL for"), s.reason);
        }

        String rotated = Files.readString(tokens).strip();
        assertNotEquals(first, rotated, "the bootstrap rotated the refresh token and wrote the new one back");
        String again = given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("grant_type", "refresh_token",
                "client_id", "jirasim-client", "client_secret", "jirasim-secret", "refresh_token", rotated))
                .post("/auth/oauth/token").then().statusCode(200).extract().path("refresh_token");
        Files.writeString(tokens, again + "\n");
    }

    @Test
    void aDestructiveScenarioThatFailsMidwayStillDeletesWhatItCreated(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("refresh-token");
        Files.writeString(tokens, refreshTokenOfAGrant());
        String token = given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("grant_type", "refresh_token",
                "client_id", "jirasim-client", "client_secret", "jirasim-secret", "refresh_token", Files.readString(tokens)))
                .post("/auth/oauth/token").then().statusCode(200).extract().path("access_token");
        Files.writeString(tokens, given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("grant_type", "refresh_token",
                "client_id", "jirasim-client", "client_secret", "jirasim-secret", "refresh_token", Files.readString(tokens)))
                .post("/auth/oauth/token").then().statusCode(200).extract().<String>path("refresh_token"));
        int before = acmeIssues(token);
        // The live service misbehaves after the write: reading the issue back fails once (injected through the Java API).
        sim.control().addFault(new FaultRule("GET", "/api/ex/jira/*/rest/api/3/issue/*", 500, null, null, null, 1, null));
        Results results = run(cloudTarget(dir), cloudEnv(tokens), SCENARIOS.resolve("live/cloud-issue-write-cleans-up-after-itself.yaml"));
        sim.control().clearFaults();

        Results.ScenarioResult s = results.scenarios().get(0);
        assertEquals(Results.Outcome.FAILED, s.outcome);
        assertEquals(List.of("SUCCESSFUL", "SUCCESSFUL", "FAILED", "SKIPPED", "SUCCESSFUL"), s.steps.stream().map(Results.StepResult::status).toList(),
                "create and edit pass, the read fails, the search is skipped, the cleanup runs");
        assertEquals(before, acmeIssues(token), "no issue left behind");
    }

    @Test
    void theDataCenterAndNangoTargetsRunTheirLiveSafeScenarios(@TempDir Path dir) throws Exception {
        Results dc = run(liveTarget(dir, "jira-data-center.yaml", Map.of()),
                Map.of("JIRA_DC_BASE_URL", sim.baseUrl() + "/dc/dc1", "JIRA_DC_PERSONAL_ACCESS_TOKEN", "NDU2Nzg5MDEyMzQ1Ompkb2UtcGVyc29uYWwtdG9rZW4tMDE"), SCENARIOS);
        assertEquals(liveSafe(Set.of("dc")), ids(dc, Results.Outcome.PASSED));
        assertEquals(Set.of(), ids(dc, Results.Outcome.FAILED));
        Results nango = run(liveTarget(dir, "nango-cloud.yaml", Map.of()),
                Map.of("NANGO_HOST", sim.baseUrl() + "/nango", "NANGO_SECRET_KEY", "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c"), SCENARIOS);
        assertEquals(liveSafe(Set.of("nango")), ids(nango, Results.Outcome.PASSED));
        assertEquals(Set.of(), ids(nango, Results.Outcome.FAILED));
        assertTrue(ids(nango, Results.Outcome.PASSED).contains("nango-secret-keys-are-checked-like-nango"));
    }
}
