package dev.jirasim.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for a Maven JVM whose build is aborted between start and stop: it starts a simulator as the start goal
 * does, prints its pid and port, and waits on standard input until it is killed (see {@link ShutdownHookTest}).
 */
public final class AbortedBuild {
    private AbortedBuild() {
    }

    public static void main(String[] args) throws Exception {
        RunningSimulator sim = SimulatorLauncher.start(ForkedSimulators.command(0, null, null, List.of()), Path.of(args[0]), ForkedSimulators.STARTUP);
        System.out.println("pid=" + sim.pid() + " port=" + sim.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // a build that goes on until someone stops it
        }
    }
}
