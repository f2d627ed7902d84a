package dev.jirasim.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.HttpSimulatorControl;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.world.Consent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java blocks of docs/control-api.md are regions of this file between {@code // doc:begin} and
 * {@code // doc:end} (their import lines are this file's imports), and the tests below run them.
 */
class ControlApiDocTest {
    private static final Path PAGE = Path.of("..", "docs", "control-api.md");
    private static final Path SOURCE = Path.of("src/test/java/dev/jirasim/simulator/docs/ControlApiDocTest.java");

    @Test
    void everyJavaBlockOfThePageIsARegionHere() throws Exception {
        String source = Files.readString(SOURCE);
        List<String> regions = regions(source);
        Matcher block = Pattern.compile("(?ms)^```java\\n(.*?)^```$").matcher(Files.readString(PAGE));
        int blocks = 0;
        while (block.find()) {
            blocks++;
            var code = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                if (line.startsWith("import ")) assertTrue(source.contains("\n" + line + "\n"), "docs/control-api.md imports what this file does not: " + line);
                else if (!(code.isEmpty() && line.isBlank())) code.append(line).append('\n');
            }
            assertTrue(regions.contains(code.toString()), "docs/control-api.md shows Java that no region here holds:\n" + code);
        }
        assertEquals(2, blocks, "the page's Java blocks: in process and over HTTP");
    }

    @Test
    void theInProcessExampleRuns() {
        // doc:begin
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            var control = sim.control();
            control.consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme", "globex"),
                    Consent.Decision.APPROVE));
            String authorize = sim.authUrl() + "/authorize";     // http://localhost:<port>/auth/authorize
            // … run the flow against sim.authUrl() / sim.apiUrl() …
            control.advanceClock(Duration.ofSeconds(3601));
            control.revokeUser("alice@acme.test");
            control.reset();
        }
        // doc:end
    }

    @Test
    void theHttpExamplePreparesASimulatorInAnotherProcess() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            sim.control().addFault(FaultRule.on("/left/over").status(500).build());
            prepare(sim.adminUrl(), null);
            assertEquals(Instant.parse("2030-01-01T00:00:00Z"), sim.control().now());
            assertTrue(sim.control().clockFrozen());
            assertEquals("alice@acme.test", sim.control().consent().user());
            assertEquals(List.of("/api/ex/jira/**"), sim.control().faults().stream().map(f -> f.rule().path()).toList());
            finish(sim.adminUrl(), null);
            assertEquals(Instant.parse("2030-01-01T01:00:00Z"), sim.control().now());
            assertFalse(sim.control().faults().isEmpty(), "finish only reads");
        }
    }

    // doc:begin
    /** Before a test run: a known world and time on a simulator started elsewhere (./jirasim, a container, CI). */
    static void prepare(String adminUrl, String adminToken) {      // e.g. http://localhost:8484/__admin, null
        SimulatorControl control = HttpSimulatorControl.of(adminUrl, adminToken);
        control.reset();
        control.setClock(Instant.parse("2030-01-01T00:00:00Z"), true);
        control.consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), Consent.Decision.APPROVE));
        control.addFault(FaultRule.on("/api/ex/jira/**").status(503).times(1).build());
    }

    /** After the client under test ran: an hour later, what did it send? */
    static void finish(String adminUrl, String adminToken) {
        SimulatorControl control = HttpSimulatorControl.of(adminUrl, adminToken);
        control.advanceClock(Duration.ofHours(1));
        control.journal().forEach(entry -> System.out.println(entry.method() + " " + entry.path() + " -> " + entry.status()));
    }
    // doc:end

    /** Each region's lines without their common indentation. */
    private static List<String> regions(String source) {
        var regions = new ArrayList<String>();
        List<String> open = null;
        for (String line : source.split("\n", -1)) {
            if (line.strip().equals("// doc:begin")) open = new ArrayList<>();
            else if (line.strip().equals("// doc:end") && open != null) {
                int indent = open.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                var text = new StringBuilder();
                open.forEach(l -> text.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
                regions.add(text.toString());
                open = null;
            } else if (open != null) open.add(line);
        }
        return regions;
    }
}
