package dev.jirasim.simulator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code node:test} suite under {@code compat/}, run against the simulator by the compatibility tests with
 * published JavaScript clients. {@link #require} skips the calling test, with the reason, where Node.js or the
 * client's package is missing ({@code .ci/run} installs them when npm is available).
 */
public final class NodeSuite {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path node;
    private final Path project;

    private NodeSuite(Path node, Path project) {
        this.node = node;
        this.project = project;
    }

    /** The suite in {@code compat/<folder>}, whose client package {@code installed} must be in its node_modules. */
    public static NodeSuite require(String folder, String installed) {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "Skipped: Node.js ('node') is not on the PATH; the " + installed + " compatibility test needs it");
        Optional<Path> project = projectDir(folder);
        assumeTrue(project.isPresent(), "Skipped: compat/" + folder + " not found above " + Path.of("").toAbsolutePath());
        assumeTrue(Files.isDirectory(project.get().resolve("node_modules").resolve(installed)),
                "Skipped: " + installed + " is not installed; run npm ci in compat/" + folder + " (npm ci --prefix compat/" + folder + ")");
        return new NodeSuite(node.get(), project.get());
    }

    /**
     * Runs {@code node --test} with {@code env} added (a null value removes a variable) and fails unless it passes;
     * returns its output. {@code files} (relative to the suite's folder) limits the run to those test files.
     */
    public String run(Map<String, String> env, String... files) throws Exception {
        var command = new ArrayList<>(List.of(node.toString(), "--test", "--test-reporter=spec"));
        command.addAll(List.of(files));
        var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        var environment = builder.environment();
        environment.put("NO_COLOR", "1");
        environment.remove("FORCE_COLOR");
        environment.remove("NODE_OPTIONS");
        // Clients honour HTTP(S)_PROXY; the simulator is local and must be reached directly.
        for (String name : new String[] {"NO_PROXY", "no_proxy"}) {
            environment.merge(name, "127.0.0.1,localhost", (existing, local) -> existing + "," + local);
        }
        env.forEach((name, value) -> {
            if (value == null) environment.remove(name);
            else environment.put(name, value);
        });
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("node --test did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n" + output.getNow("(not available)"));
        }
        String text = output.get(10, TimeUnit.SECONDS);
        System.out.println(text);
        assertEquals(0, process.exitValue(), () -> "node --test in " + project + " failed:\n" + text);
        return text;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first executable named {@code name} (or {@code name.exe}) in a PATH directory. */
    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(Path.of(dir, name), Path.of(dir, name + ".exe")))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** {@code compat/<folder>} in the working directory or one of its parents (Maven runs in the module). */
    private static Optional<Path> projectDir(String folder) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("compat").resolve(folder);
            if (Files.isRegularFile(candidate.resolve("package.json"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
