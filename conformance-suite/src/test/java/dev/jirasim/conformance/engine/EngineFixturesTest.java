package dev.jirasim.conformance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The engine over fixture scenarios (pass, fail, skip, malformed) against the embedded simulator. */
class EngineFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private static EngineExecutionResults run(String folder) {
        return EngineTestKit.engine(Constants.ENGINE_ID)
                .selectors(selectDirectory(FIXTURES.resolve(folder).toFile()))
                .configurationParameter(Constants.TARGET, Constants.EMBEDDED)
                .execute();
    }

    @Test
    void passingScenarioReportsEachStepAsATest() {
        EngineExecutionResults results = run("pass");
        assertEquals(2, results.testEvents().succeeded().count());
        assertEquals(0, results.testEvents().failed().count());
        assertTrue(results.allEvents().reportingEntryPublished().count() >= 2, "each step publishes its request and response");
    }

    @Test
    void aFailedStepFailsWithEvidenceAndSkipsTheRest() {
        Events events = run("fail").allEvents();
        events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("wrong-expectation.yaml:") && m.contains("status: expected 200 but was 401")
                        && m.contains("--- request ---") && m.contains("--- response ---")
                        && !m.contains("Bearer not-a-token")))));
        events.assertThatEvents().haveExactly(1, event(test(), skippedWithReason(r -> r.contains("an earlier step failed: Expects 200 from a 401"))));
    }

    @Test
    void awaitWebhookTakesMatchingDeliveriesInAnyOrderAndExplainsAMiss() {
        EngineExecutionResults results = run("webhook");
        Events tests = results.testEvents();
        // arrives.yaml: six steps pass; missing.yaml: one passes, the wait fails.
        assertEquals(7, tests.succeeded().count());
        tests.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m -> m.contains("missing.yaml:")
                && m.contains("no matching webhook at ${webhookUrl} within 1 s")
                && m.contains("request 1: $.webhookEvent expected 'jira:issue_deleted' but was 'jira:issue_created'")))));
    }

    @Test
    void aScenarioNeedingAMissingCapabilityIsSkippedWithTheReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        EngineExecutionResults results;
        try (var sim = dev.jirasim.simulator.JirasimServer.start(dev.jirasim.simulator.SimulatorConfig.builder().randomPort().build())) {
            results = EngineTestKit.engine(Constants.ENGINE_ID)
                    .selectors(selectDirectory(FIXTURES.resolve("skip").toFile()))
                    .configurationParameter(Constants.TARGET, dev.jirasim.conformance.support.Targets.file(dir, sim.baseUrl(),
                            "clock, consent-automation, seed, journal").toString())
                    .execute();
        }
        Events events = results.allEvents();
        events.assertThatEvents().haveExactly(1, event(container(), skippedWithReason(
                r -> r.contains("lacks capability faults") && r.contains("fixture-skip"))));
        results.testEvents().assertThatEvents().isEmpty();
        assertEquals(0, results.testEvents().failed().count());
    }

    @Test
    void eachMalformedFileIsOneFailedTestNamingFileLineAndColumn() {
        Events tests = run("malformed").testEvents();
        assertEquals(5, tests.failed().count());
        tests.assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(message(m -> m.matches("(?s).*unknown-key\\.yaml:7:7: unknown key 'timeout'.*")))))
                .haveExactly(1, event(finishedWithFailure(message(m -> m.matches("(?s).*wrong-type\\.yaml:8:15: status must be a whole number.*")))))
                .haveExactly(1, event(finishedWithFailure(message(m -> m.matches("(?s).*bad-template\\.yaml:6:12: unclosed '\\$\\{'.*")))))
                .haveExactly(1, event(finishedWithFailure(message(m -> m.matches("(?s).*bad-json-path\\.yaml:\\d+:\\d+: bad JSON path.*")))))
                .haveExactly(1, event(finishedWithFailure(message(m -> m.matches("(?s).*not-yaml\\.yaml:\\d+:\\d+: not valid YAML.*")))));
    }

    @Test
    void aTagFilterSelectsScenariosButNeverHidesBrokenFiles() {
        EngineExecutionResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .selectors(selectDirectory(FIXTURES.toFile()))
                .configurationParameter(Constants.TARGET, Constants.EMBEDDED)
                .configurationParameter(Constants.TAGS, "no-such-tag")
                .execute();
        assertEquals(5, results.testEvents().failed().count(), "the five malformed files still fail");
        assertEquals(0, results.testEvents().succeeded().count(), "no scenario matches the tag");
    }

    @Test
    void aBrokenManifestIsAFailedTestWithItsPosition(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("expected-deviations.yaml");
        java.nio.file.Files.writeString(manifest, "deviations:\n  - scenario: fixture-pass\n    because: reasons\n");
        EngineExecutionResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .selectors(selectDirectory(FIXTURES.resolve("pass").toFile()))
                .configurationParameter(Constants.TARGET, Constants.EMBEDDED)
                .configurationParameter(Constants.EXPECTED_DEVIATIONS, manifest.toString())
                .execute();
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("expected-deviations.yaml:3:5: unknown key 'because'")))));
        assertEquals(2, results.testEvents().succeeded().count(), "the scenarios still run");
    }
}
