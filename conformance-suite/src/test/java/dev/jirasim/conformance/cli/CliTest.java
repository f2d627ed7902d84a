package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Capability;
import dev.jirasim.conformance.model.Scenario;
import dev.jirasim.conformance.parse.ScenarioParser;
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

/** The CLI against a separately running simulator, as a team would run it against its own implementation. */
class CliTest {
    static final Path SCENARIOS = Path.of(System.getProperty("jirasim.scenarios", "../scenarios"));
    private static JirasimServer sim;

    @BeforeAll
    static void start() {
        sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void passesEveryApplicableScenarioAndWritesAllReports(@TempDir Path dir) throws Exception {
        Path target = dev.jirasim.conformance.support.Targets.file(dir, sim.baseUrl(), "clock, consent-automation, seed, journal, faults, webhooks");
        Path reports = dir.resolve("reports");
        int code = Main.run(new String[] {"--target", target.toString(), "--scenarios", SCENARIOS.toString(), "--report", reports.toString()});
        assertEquals(0, code);
        String html = Files.readString(reports.resolve("conformance-report.html"));
        assertTrue(html.contains("score <strong id=\"score\">100.0%"), "HTML report shows the score");
        try (var xml = Files.list(reports)) {
            assertTrue(xml.anyMatch(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")));
        }
        assertFalse(html.contains("jirasim-secret"), "secrets are masked in the report");
    }

    @Test
    void withoutClockExactlyTheClockScenariosAreSkippedWithReasons(@TempDir Path dir) throws Exception {
        Path target = dev.jirasim.conformance.support.Targets.file(dir, sim.baseUrl(), "consent-automation, seed, journal, faults, webhooks");
        var out = new ByteArrayOutputStream();
        Results results = new ConformanceRun(target.toString(), List.of(SCENARIOS), null, null, null)
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8));
        Set<String> needClock = new TreeSet<>();
        for (Path file : dev.jirasim.conformance.engine.ScenarioFilesForTests.list(SCENARIOS)) {
            for (Scenario s : ScenarioParser.parse(file)) if (s.neededCapabilities().contains(Capability.CLOCK)) needClock.add(s.id());
        }
        assertFalse(needClock.isEmpty());
        // The live scenarios are skipped on any simulator target (they need a live target's bootstrap): left out here.
        Set<String> skipped = results.scenarios().stream().filter(s -> s.outcome == Results.Outcome.SKIPPED && !s.reason.contains("gives no ${"))
                .map(s -> s.id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(needClock, skipped);
        assertTrue(results.scenarios().stream().filter(s -> skipped.contains(s.id))
                .allMatch(s -> s.reason.contains("lacks capability clock")));
        assertEquals(0, results.unexpectedFailures(), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("SKIP "));
    }

    @Test
    void badUsageAndEmptyRunsExitWithTwo(@TempDir Path dir) {
        assertEquals(2, Main.run(new String[] {"--scenarios"}));
        assertEquals(2, Main.run(new String[] {"--target", "embedded"}));
        assertEquals(2, Main.run(new String[] {"--scenarios", dir.resolve("missing").toString()}));
        assertEquals(2, Main.run(new String[] {"--scenarios", dir.toString()}));
    }
}
