package dev.jirasim.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line and environment of the forked simulator: {@code java [jvmArgs] -jar <standalone jar> --port N
 * [--fixture F] [args]}, with the admin token in the environment ({@code JIRASIM_ADMIN_TOKEN}) rather than on the
 * command line, where any local user could read it in the process list.
 *
 * @param java       the java executable
 * @param jar        the simulator's standalone jar
 * @param port       the port to listen on; 0 lets the simulator pick a free one (its banner tells which)
 * @param fixture    a world file, or null for the default world
 * @param adminToken the control API's token, or null for none
 * @param args       further simulator options
 * @param jvmArgs    options for the forked JVM
 */
record SimulatorCommand(Path java, Path jar, int port, Path fixture, String adminToken, List<String> args, List<String> jvmArgs) {
    /** Options the plugin sets from its own parameters: it must know their values (URLs, the token for the gate). */
    private static final Map<String, String> OWN_OPTIONS = Map.of(
            "--port", "port", "--fixture", "fixture", "--admin-token", "adminToken");
    /** Options that make the simulator print and exit instead of serving. */
    private static final Set<String> NOT_SERVING = Set.of("--help", "-h", "--version");

    SimulatorCommand {
        args = args == null ? List.of() : List.copyOf(args);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OWN_OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("give " + name + " as the <" + OWN_OPTIONS.get(name) + "> parameter, not in <args>");
            }
            if (NOT_SERVING.contains(name)) throw new IllegalArgumentException(name + " in <args> would make the simulator exit at once");
        }
    }

    /** {@code --no-admin}: no control API, so the health probe is a 404 like every other /__admin path. */
    boolean noAdmin() {
        return args.contains("--no-admin");
    }

    List<String> command() {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--port");
        command.add(Integer.toString(port));
        if (fixture != null) {
            command.add("--fixture");
            command.add(fixture.toString());
        }
        command.addAll(args);
        return command;
    }

    /**
     * Adjusts an inherited environment: JIRASIM_* variables of the shell that runs Maven are dropped, so the
     * simulator is configured by the pom alone (a JIRASIM_FIXTURE left in a developer's shell would otherwise change
     * the world under the tests); the admin token goes in as JIRASIM_ADMIN_TOKEN.
     */
    void applyTo(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("JIRASIM_"));
        if (adminToken != null) environment.put("JIRASIM_ADMIN_TOKEN", adminToken);
    }
}
