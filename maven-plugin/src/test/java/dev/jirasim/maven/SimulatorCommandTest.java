package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/m2/jirasim-simulator-1.0-standalone.jar");

    @Test
    void portZeroFixtureArgsAndJvmArgsMakeTheCommandLine() {
        var command = new SimulatorCommand(JAVA, JAR, 0, Path.of("world.yaml"), null, List.of("--site-urls", "local"), List.of("-Xmx256m"));
        assertEquals(List.of("/jdk/bin/java", "-Xmx256m", "-jar", JAR.toString(), "--port", "0", "--fixture", "world.yaml", "--site-urls", "local"),
                command.command());
    }

    @Test
    void theAdminTokenTravelsInTheEnvironmentAndNeverOnTheCommandLine() {
        String token = "a-token-of-at-least-sixteen-chars";
        var command = new SimulatorCommand(JAVA, JAR, 8485, null, token, null, null);
        assertFalse(String.join(" ", command.command()).contains(token));
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "JIRASIM_FIXTURE", "/home/me/other.yaml", "JIRASIM_PORT", "9"));
        command.applyTo(env);
        assertEquals(Map.of("PATH", "/usr/bin", "JIRASIM_ADMIN_TOKEN", token), env);
    }

    @Test
    void inheritedJirasimVariablesAreDroppedEvenWithoutAToken() {
        Map<String, String> env = new HashMap<>(Map.of("JIRASIM_ADMIN_TOKEN", "from-the-shell", "HOME", "/root"));
        new SimulatorCommand(JAVA, JAR, 0, null, null, List.of(), List.of()).applyTo(env);
        assertEquals(Map.of("HOME", "/root"), env);
    }

    @Test
    void optionsThePluginSetsItselfAreRefusedInArgs() {
        for (String arg : List.of("--port", "--port=9000", "--fixture", "--admin-token=x")) {
            var e = assertThrows(IllegalArgumentException.class, () -> new SimulatorCommand(JAVA, JAR, 0, null, null, List.of(arg, "1"), null));
            assertTrue(e.getMessage().contains("parameter, not in <args>"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new SimulatorCommand(JAVA, JAR, 0, null, null, List.of("--version"), null));
        assertTrue(e.getMessage().contains("exit at once"), e.getMessage());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatorCommand(JAVA, JAR, 70000, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorCommand(JAVA, JAR, -1, null, null, null, null));
    }

    @Test
    void noAdminIsNoticed() {
        assertTrue(new SimulatorCommand(JAVA, JAR, 0, null, null, List.of("--no-admin"), null).noAdmin());
        assertFalse(new SimulatorCommand(JAVA, JAR, 0, null, null, List.of("--log-level", "WARN"), null).noAdmin());
    }

    @Test
    void secretsArePrintedAsAPrefixAndALength() {
        assertEquals("a-to…(33 chars)", Secrets.mask("a-token-of-at-least-sixteen-chars"));
        assertEquals("***(5 chars)", Secrets.mask("short"));
        assertEquals("none", Secrets.mask(null));
    }
}
