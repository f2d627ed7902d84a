package dev.jirasim.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the gate's command line in its own JVM and turns its exit code into a {@link ConformanceCommand.Verdict}.
 * Its standard output goes to {@code out} line by line as it comes (the gate prints a line per scenario), its
 * standard error to {@code err}.
 */
final class ConformanceFork {
    private ConformanceFork() {
    }

    static ConformanceCommand.Verdict run(ConformanceCommand command, List<Path> classpath, Map<String, String> environment, Path workDirectory,
                                          Duration timeout, Consumer<String> out, Consumer<String> err) throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        Path argFile = workDirectory.resolve("conformance-classpath.args");
        Files.writeString(argFile, ConformanceCommand.argFile(classpath), StandardCharsets.UTF_8);
        var builder = new ProcessBuilder(command.command(argFile));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Forks.register(process); // an aborted build stops the gate too
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        Thread outPump = pump(process.getInputStream(), out, "jirasim-conformance-out");
        Thread errPump = pump(process.getErrorStream(), line -> {
            stderr.add(line);
            err.accept(line);
        }, "jirasim-conformance-err");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new ConformanceCommand.Verdict(false, List.of(), "the conformance run took longer than " + timeout.toSeconds() + " s and was stopped");
            }
            outPump.join(TimeUnit.SECONDS.toMillis(10));
            errPump.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (stderr) {
                return ConformanceCommand.verdict(process.exitValue(), List.copyOf(stderr));
            }
        } finally {
            if (process.isAlive()) process.destroyForcibly();
            Forks.unregister(process);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.accept(line);
            } catch (IOException e) {
                // the process was stopped
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
