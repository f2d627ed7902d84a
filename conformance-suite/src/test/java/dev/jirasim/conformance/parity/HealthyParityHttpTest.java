package dev.jirasim.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.cli.ParityCommand;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two healthy simulators answer every scenario with the same statuses, headers and shapes: run-to-run noise is
 * zero, so any difference a parity run reports comes from the targets, not from tokens, ids or timing.
 */
class HealthyParityHttpTest {
    private static final String ALL = "clock, consent-automation, seed, journal, faults, webhooks";

    @Test
    void twoHealthySimulatorsShowNoDifferenceOverEveryScenario(@TempDir Path dir) throws Exception {
        try (JirasimServer a = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
             JirasimServer b = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            ParityResult result = ParityCommand.compare(Targets.file(dir, a.baseUrl(), ALL).toString(),
                    Targets.file(dir, b.baseUrl(), ALL).toString(), List.of(Targets.SCENARIOS), null);
            assertNotNull(result);
            String report = ParityReport.markdown(result);
            assertTrue(result.endpoints().size() > 40, "the scenarios exercise many endpoints:\n" + report);
            // Only the live scenarios are left out, skipped alike on both simulators (they need a live target's bootstrap).
            assertEquals(List.of(), result.notes().stream().filter(n -> !n.text().contains(Parity.SKIPPED_ON_BOTH)).toList(), report);
            assertTrue(result.notes().stream().allMatch(n -> n.scenario().startsWith("live-")), report);
            assertEquals(List.of(), result.differences(), report);
            assertEquals(0, result.endpointsDiffering(), report);
        }
    }
}
