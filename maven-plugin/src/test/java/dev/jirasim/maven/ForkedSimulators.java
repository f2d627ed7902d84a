package dev.jirasim.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Test support: the standalone simulator jar (copied into target/ by the build) and how the tests fork it. */
final class ForkedSimulators {
    static final Duration STARTUP = Duration.ofSeconds(60);
    static final Duration GRACE = Duration.ofSeconds(10);

    private ForkedSimulators() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("jirasim.standaloneJar", "target/test-simulator/jirasim-standalone.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("no standalone simulator at " + jar + " (the build copies it there)");
        return jar;
    }

    /** A small heap: two cores and another engineer's build share this machine. */
    static SimulatorCommand command(int port, Path fixture, String adminToken, List<String> args) {
        return new SimulatorCommand(Context.java(), jar(), port, fixture, adminToken, args, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }
}
