package dev.jirasim.maven;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the goals share within one project: Maven gives the mojos of one plugin in one project the same plugin
 * context, so stop and conformance find there the simulator that start started (and another module of the
 * reactor never sees it).
 */
final class Context {
    private static final String SIMULATOR = "dev.jirasim.maven.simulator";

    private Context() {
    }

    static RunningSimulator simulator(Map<?, ?> pluginContext) {
        return pluginContext == null ? null : (RunningSimulator) pluginContext.get(SIMULATOR);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void remember(Map pluginContext, RunningSimulator simulator) {
        pluginContext.put(SIMULATOR, simulator);
    }

    static void forget(Map<?, ?> pluginContext) {
        pluginContext.remove(SIMULATOR);
    }

    /** The java executable of the JVM that runs Maven, for the forked ones. */
    static Path java() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }
}
