package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.report.Results;
import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator whose control API wants a token: with the target's adminToken the clock scenarios run; without it they fail. */
class ProtectedTargetTest {
    static final String TOKEN = "conformance-admin-token-0001";

    private static Results run(Path target) {
        return new ConformanceRun(target.toString(), List.of(Path.of("../scenarios/atlassian-auth")), null, null, null)
                .execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void controlStepsCarryTheTargetsAdminToken(@TempDir Path dir) throws Exception {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().adminToken(TOKEN).build())) {
            Path without = Targets.file(dir, sim.baseUrl(), "clock, consent-automation, seed, journal");
            Path with = dir.resolve("with-token.yaml");
            Files.writeString(with, Files.readString(without).replace("variables:\n", "variables:\n  adminToken: " + TOKEN + "\n"));
            Results ok = run(with);
            assertTrue(ok.scenarios().stream().noneMatch(s -> s.outcome == Results.Outcome.FAILED), "all pass with the token");
            Results refused = run(without);
            assertEquals(ok.scenarios().size(), refused.scenarios().stream().filter(s -> s.outcome == Results.Outcome.FAILED).count(),
                    "without it even the reset before each scenario is refused");
        }
    }
}
