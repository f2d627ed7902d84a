package dev.jirasim.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Follows the forked simulator's output on a daemon thread: every line goes to the log file, the last lines are
 * kept for error messages, and the banner completes {@link #banner()}. When the output ends (the process exited)
 * before a banner, {@link #banner()} fails.
 */
final class SimulatorOutput {
    static final int TAIL_LINES = 40;

    private final CompletableFuture<Banner> banner = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private SimulatorOutput() {
    }

    static SimulatorOutput follow(InputStream output, Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        var follower = new SimulatorOutput();
        Thread thread = new Thread(() -> follower.copy(output, log), "jirasim-output");
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    private void copy(InputStream output, Writer log) {
        try (log; var in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) tail.removeFirst();
                    tail.addLast(line);
                }
                log.write(line);
                log.write(System.lineSeparator());
                log.flush();
                if (!banner.isDone()) Banner.parse(line).ifPresent(banner::complete);
            }
        } catch (IOException e) {
            // The stream closes when the process is destroyed; nothing more to copy.
        } finally {
            banner.completeExceptionally(new IllegalStateException("the simulator's output ended before its banner"));
            ended.complete(null);
        }
    }

    CompletableFuture<Banner> banner() {
        return banner;
    }

    /** Completes when the output has ended and the log file is closed. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** The last lines of output, each indented, for an error message. */
    String tail() {
        synchronized (tail) {
            if (tail.isEmpty()) return "  (no output)";
            var sb = new StringBuilder();
            for (String line : tail) sb.append("  ").append(line).append('\n');
            return sb.substring(0, sb.length() - 1);
        }
    }
}
