package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in its own JVM, as the conformance goal runs it, against a simulator with an admin token and a target
 * file written for it: the suite resets the simulator before each scenario, which only works with the token.
 */
class ConformanceForkTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final String TOKEN = "conformance-fork-test-token-42";
    @TempDir
    Path dir;

    @Test
    void aFailingScenarioIsNamedAndTheReportsAreWritten() throws Exception {
        try (var sim = JirasimServer.start(SimulatorConfig.builder().port(0).adminToken(TOKEN).build())) {
            Path target = Files.writeString(dir.resolve("target.yaml"), TargetFile.forSimulator(TargetFile.template(), sim.baseUrl(), true));
            Path reports = dir.resolve("reports");
            var command = new ConformanceCommand(Context.java(), target, List.of(SCENARIOS.resolve("pass"), SCENARIOS.resolve("fail")),
                    "plugin-fixture", null, reports);
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            List<String> err = Collections.synchronizedList(new ArrayList<>());

            var verdict = ConformanceFork.run(command, testClasspath(), Map.of(TargetFile.TOKEN_VARIABLE, TOKEN), dir.resolve("work"),
                    Duration.ofMinutes(5), out::add, err::add);

            assertFalse(verdict.passed(), String.join("\n", out) + String.join("\n", err));
            assertEquals(List.of("plugin-fail"), verdict.failing(), String.join("\n", out) + String.join("\n", err));
            assertTrue(out.stream().anyMatch(l -> l.contains("PASS  plugin-pass")), "the reset before each scenario had the token: " + out);
            assertTrue(out.stream().anyMatch(l -> l.contains("FAIL  plugin-fail")), String.join("\n", out));
            for (String report : List.of("TEST-jirasim-conformance.xml", "conformance-report.json", "conformance-summary.md", "conformance-report.html")) {
                assertTrue(Files.isRegularFile(reports.resolve(report)), report);
            }
            assertFalse(Files.readString(reports.resolve("conformance-report.html")).contains(TOKEN), "the token is masked in the reports");
        }
    }

    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }
}
