package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.report.Results;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected-deviation manifest in both directions: a known failure does not fail the gate; a fixed one is reported. */
class ManifestTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private static Path manifest(Path dir, String scenario) throws Exception {
        Path file = dir.resolve("expected-deviations.yaml");
        Files.writeString(file, """
                deviations:
                  - scenario: %s
                    reason: known gap, ticket JS-1
                """.formatted(scenario));
        return file;
    }

    private static Results run(String folder, Path manifest, ByteArrayOutputStream out) {
        return new ConformanceRun("embedded", List.of(FIXTURES.resolve(folder)), null, null, manifest)
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aListedFailureIsExpectedAndDoesNotFailTheGate(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        Results results = run("fail", manifest(dir, "fixture-fail"), out);
        assertEquals(Results.Outcome.EXPECTED_FAILURE, results.scenarios().get(0).outcome);
        assertEquals("known gap, ticket JS-1", results.scenarios().get(0).reason);
        assertEquals(0, results.unexpectedFailures());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("XFAIL fixture-fail"));
        assertEquals(0, Main.run(new String[] {"--scenarios", FIXTURES.resolve("fail").toString(),
                "--expected-deviations", dir.resolve("expected-deviations.yaml").toString()}));
        assertEquals(1, Main.run(new String[] {"--scenarios", FIXTURES.resolve("fail").toString()}));
    }

    @Test
    void aListedScenarioThatPassesIsReportedFixed(@TempDir Path dir) throws Exception {
        var out = new ByteArrayOutputStream();
        Results results = run("pass", manifest(dir, "fixture-pass"), out);
        assertEquals(Results.Outcome.FIXED, results.scenarios().get(0).outcome);
        assertEquals(0, results.unexpectedFailures());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("remove it from the expected-deviation manifest"));
    }

    @Test
    void aStepScopedEntryWhoseScenarioPassesIsAlsoFixed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("expected-deviations.yaml");
        Files.writeString(file, """
                deviations:
                  - scenario: fixture-pass
                    step: No token
                    reason: was broken once
                """);
        Results results = run("pass", file, new ByteArrayOutputStream());
        assertEquals(Results.Outcome.FIXED, results.scenarios().get(0).outcome);
    }

    @Test
    void aRunWhereEverythingIsSkippedDoesNotPassTheGate(@TempDir Path dir) throws Exception {
        try (var sim = dev.jirasim.simulator.JirasimServer.start(dev.jirasim.simulator.SimulatorConfig.builder().randomPort().build())) {
            Path target = dev.jirasim.conformance.support.Targets.file(dir, sim.baseUrl(), "clock, consent-automation, seed, journal");
            assertEquals(2, Main.run(new String[] {"--target", target.toString(), "--scenarios", FIXTURES.resolve("skip").toString()}));
        }
    }
}
