package dev.jirasim.simulator.nango;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.tenant.Tenant;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with the published Nango client: runs the {@code node:test} suite in {@code compat/nango-node},
 * which drives the simulated Nango API with the pinned {@code @nangohq/node} release, against a tenant of its own.
 * Skipped, with a message, where {@code node} is not on the PATH or the SDK is not installed
 * ({@code npm ci --prefix compat/nango-node}; {@code .ci/run} does it when npm is available).
 */
@ExtendWith(SimulatorExtension.class)
class NangoNodeSdkCompatTest {
    /** The default world's Nango secret key. */
    private static final String SECRET_KEY = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void thePublishedNodeSdkWorksAgainstTheSimulator(JirasimServer sim) throws Exception {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "Skipped: Node.js ('node') is not on the PATH; the @nangohq/node compatibility test needs it");
        Optional<Path> project = projectDir();
        assumeTrue(project.isPresent(), "Skipped: compat/nango-node not found above " + Path.of("").toAbsolutePath());
        assumeTrue(Files.isDirectory(project.get().resolve("node_modules/@nangohq/node")),
                "Skipped: @nangohq/node is not installed; run npm ci in compat/nango-node (npm ci --prefix compat/nango-node)");

        Tenant tenant = sim.createTenant(null);
        try {
            String base = sim.baseUrl(tenant.id());
            var builder = new ProcessBuilder(node.get().toString(), "--test", "--test-reporter=spec")
                    .directory(project.get().toFile())
                    .redirectErrorStream(true);
            builder.environment().put("NANGO_HOST", base + "/nango");
            builder.environment().put("NANGO_SECRET_KEY", SECRET_KEY);
            builder.environment().put("JIRASIM_ADMIN", base + "/__admin");
            builder.environment().put("NO_COLOR", "1");
            builder.environment().remove("FORCE_COLOR");
            builder.environment().remove("NODE_OPTIONS");
            // axios honours HTTP(S)_PROXY; the simulator is local and must be reached directly.
            for (String name : new String[] {"NO_PROXY", "no_proxy"}) {
                builder.environment().merge(name, "127.0.0.1,localhost", (existing, local) -> existing + "," + local);
            }

            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("node --test did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n"
                        + output.getNow("(not available)"));
            }
            String text = output.get(10, TimeUnit.SECONDS);
            System.out.println(text);
            assertEquals(0, process.exitValue(), () -> "node --test in " + project.get() + " failed:\n" + text);
        } finally {
            sim.removeTenant(tenant.id());
        }
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

    /** {@code compat/nango-node} in the working directory or one of its parents (Maven runs in the module). */
    private static Optional<Path> projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("compat").resolve("nango-node");
            if (Files.isRegularFile(candidate.resolve("package.json"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
