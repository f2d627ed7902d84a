package dev.jirasim.conformance.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.cli.ConformanceRun;
import dev.jirasim.conformance.report.Results;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario can fail: the suite runs against the simulator behind a proxy that answers plausibly but
 * wrongly, one wrong behaviour at a time. Transparent, everything passes; each mutation must fail the
 * scenarios that cover that behaviour, and together the mutations must fail every scenario.
 */
class MutationTest {
    private static final Path SCENARIOS = Path.of(System.getProperty("jirasim.scenarios", "../scenarios"));
    private static JirasimServer sim;
    private static MutatingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        proxy = new MutatingProxy(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sim.close();
    }

    private static Results run(Path dir, MutatingProxy.Mutation mutation) throws Exception {
        proxy.mutate(mutation);
        String text = Files.readString(SCENARIOS.resolve("targets/simulator.yaml")).replace("http://localhost:8484", proxy.baseUrl());
        Path target = dir.resolve("proxy-target.yaml");
        Files.writeString(target, text);
        return new ConformanceRun(target.toString(), List.of(SCENARIOS), null, null, null)
                .execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Set<String> failed(Results results) {
        return results.scenarios().stream().filter(s -> s.outcome == Results.Outcome.FAILED).map(s -> s.id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachWrongBehaviourIsCaughtAndTogetherTheyFailEveryScenario(@TempDir Path dir) throws Exception {
        Results transparent = run(dir, null);
        assertEquals(0, transparent.unexpectedFailures(), "the proxy alone must change nothing: " + failed(transparent));
        // Every scenario that runs against a simulator (the live ones need a live target's bootstrap and are skipped here).
        Set<String> all = transparent.scenarios().stream().filter(s -> s.outcome != Results.Outcome.SKIPPED).map(s -> s.id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(all.size() > 90, "nearly every scenario runs: " + all.size());

        Set<String> caught = new TreeSet<>();
        var report = new StringBuilder();
        for (MutatingProxy.Mutation m : Mutations.all()) {
            Set<String> failed = failed(run(dir, m));
            report.append(m.name()).append(" -> ").append(failed).append('\n');
            assertTrue(!failed.isEmpty(), "no scenario noticed: " + m.name());
            for (String id : EXPECTED.getOrDefault(m.name(), Set.of())) {
                assertTrue(failed.contains(id), m.name() + " should fail " + id + "; failed: " + failed);
            }
            caught.addAll(failed);
        }
        Set<String> survivors = new TreeSet<>(all);
        survivors.removeAll(caught);
        assertEquals(Set.of(), survivors, "scenarios no mutation could fail:\n" + report);
    }

    /** Scenarios that must fail under a given mutation (the ones written for that behaviour). */
    private static final java.util.Map<String, Set<String>> EXPECTED = java.util.Map.ofEntries(
            java.util.Map.entry("accessible-resources lists a site the user never granted", Set.of("three-legged-flow-covers-two-sites")),
            java.util.Map.entry("refresh returns the same refresh token (no rotation)", Set.of("refresh-rotates-the-refresh-token")),
            java.util.Map.entry("the clock cannot be moved", Set.of("access-token-expires-after-one-hour",
                    "refresh-token-expires-after-90-idle-days", "rotated-refresh-token-is-refused-after-the-leeway",
                    "authorization-code-expires-after-ten-minutes")),
            java.util.Map.entry("expired and revoked tokens are still accepted by the API", Set.of(
                    "access-token-expires-after-one-hour", "refresh-token-reuse-after-the-leeway-revokes-the-grant",
                    "old-access-token-dies-ten-minutes-after-rotation")),
            java.util.Map.entry("rejected refresh tokens still get new tokens", Set.of(
                    "rotated-refresh-token-is-refused-after-the-leeway", "refresh-token-reuse-after-the-leeway-revokes-the-grant")),
            java.util.Map.entry("authorize redirects lose the state", Set.of("consent-deny-redirects-with-access-denied")),
            java.util.Map.entry("every client error is a plain 400", Set.of(
                    "token-endpoint-rejects-bad-client-credentials", "me-without-read-me-is-a-scope-mismatch")),
            java.util.Map.entry("error bodies use other codes and texts", Set.of(
                    "authorization-code-is-single-use", "token-endpoint-rejects-unsupported-grant-type")),
            java.util.Map.entry("attachment uploads skip the XSRF check", Set.of("attachment-upload-needs-the-xsrf-header")),
            java.util.Map.entry("an issue link shows only on the issue it starts from", Set.of("an-issue-link-shows-on-both-issues")),
            java.util.Map.entry("Nango acknowledges provider webhooks and forwards nothing",
                    Set.of("nango-forwards-a-jira-event-to-the-app-as-type-forward")),
            java.util.Map.entry("webhook registrations are acknowledged but never kept", Set.of(
                    "webhook-registration-checks-filters-and-keeps-five-per-user", "webhook-delivers-matching-issue-events-with-a-jwt")));
}
