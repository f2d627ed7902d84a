package dev.jirasim.simulator.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev.jirasim.simulator.Main} in a separate JVM with the runnable jar's logging config (the test config
 * is quiet), for what only a real process shows: exit codes, signals, console output.
 */
public final class SimulatorProcess implements AutoCloseable {
    /** The CLI's Logback file, relative to the module directory Surefire runs in. */
    public static final String CLI_LOGGING = "-Dlogback.configurationFile=src/cli/logback.xml";

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> baseUrl = new CompletableFuture<>();
    private final CompletableFuture<Void> drained;

    private SimulatorProcess(Process process) {
        this.process = process;
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Reads every line (so the child never blocks on a full pipe) and notes the banner's URL.
        drained = CompletableFuture.runAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    int at = line.indexOf("listening on ");
                    if (at >= 0) baseUrl.complete(line.substring(at + "listening on ".length()).trim());
                }
            } catch (IOException gone) {
                // the process is gone
            }
            baseUrl.completeExceptionally(new IllegalStateException("the simulator exited before listening: " + lines));
        });
    }

    /** Starts {@code Main} with these arguments and environment additions; stdout and stderr together. */
    public static SimulatorProcess launch(Map<String, String> env, String... args) throws IOException {
        return run(List.of(java(), CLI_LOGGING, "-cp", System.getProperty("java.class.path"), "dev.jirasim.simulator.Main"), env, args);
    }

    /** Starts {@code java -jar jar} with these arguments: the runnable jar as users run it. */
    public static SimulatorProcess launchJar(Path jar, Map<String, String> env, String... args) throws IOException {
        return run(List.of(java(), "-jar", jar.toString()), env, args);
    }

    /** Starts any command (a script, say) that ends up running the simulator. */
    public static SimulatorProcess run(List<String> start, Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<>(start);
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JIRASIM_LOG_LEVEL");
        builder.environment().remove("JIRASIM_ADMIN_TOKEN");
        builder.environment().putAll(env);
        return new SimulatorProcess(builder.start());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static SimulatorProcess launch(String... args) throws IOException {
        return launch(Map.of(), args);
    }

    /** Waits for the banner and answers the URL it names. */
    public String awaitListening() throws Exception {
        return baseUrl.get(60, TimeUnit.SECONDS);
    }

    /** Waits for the process to exit and answers its status; every line it printed is in {@link #output()} by then. */
    public int awaitExit() throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the simulator did not exit: " + lines);
        drained.get(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** SIGTERM, then the exit status. */
    public int terminate() throws Exception {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
