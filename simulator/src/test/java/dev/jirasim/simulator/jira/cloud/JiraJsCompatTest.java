package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with a published Jira Cloud client: runs the {@code node:test} suite in {@code compat/jira-js},
 * which drives the gateway's Jira REST API with the pinned {@code jira.js} release, configured as its users do
 * ({@code host} = the gateway base for a cloudId, an OAuth 2.0 access token). The tokens are minted here, headlessly.
 * Skipped, with a message, where {@code node} is not on the PATH or jira.js is not installed
 * ({@code npm ci --prefix compat/jira-js}; {@code .ci/run} does it when npm is available).
 */
@ExtendWith(SimulatorExtension.class)
class JiraJsCompatTest {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void thePublishedJiraJsClientWorksThroughTheGateway(JirasimServer sim) throws Exception {
        Optional<Path> node = onPath("node");
        assumeTrue(node.isPresent(), "Skipped: Node.js ('node') is not on the PATH; the jira.js compatibility test needs it");
        Optional<Path> project = projectDir();
        assumeTrue(project.isPresent(), "Skipped: compat/jira-js not found above " + Path.of("").toAbsolutePath());
        assumeTrue(Files.isDirectory(project.get().resolve("node_modules/jira.js")),
                "Skipped: jira.js is not installed; run npm ci in compat/jira-js (npm ci --prefix compat/jira-js)");

        SimulatorControl control = sim.control();
        // The narrow token comes from another app: a grant unions the scopes of every consent to its app, so a
        // narrow consent to jirasim-client would gain the broad one's scopes.
        Map<String, String> env = Map.of(
                "JIRASIM_JIRA_URL", sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME,
                "JIRASIM_TOKEN", control.issueTokens(TokenRequestSpec.forUser(OAuth.ALICE, "acme")).accessToken(),
                "JIRASIM_BOB_TOKEN", control.issueTokens(TokenRequestSpec.forUser("bob@acme.test", "acme")).accessToken(),
                "JIRASIM_NARROW_TOKEN", control.issueTokens(new TokenRequestSpec(
                        "jirasim-private-client", OAuth.ALICE, List.of("acme"), List.of("read:jira-user"))).accessToken());

        var builder = new ProcessBuilder(node.get().toString(), "--test", "--test-reporter=spec")
                .directory(project.get().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("JIRASIM_ADMIN");
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
            fail("node --test did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n" + output.getNow("(not available)"));
        }
        String text = output.get(10, TimeUnit.SECONDS);
        System.out.println(text);
        assertEquals(0, process.exitValue(), () -> "node --test in " + project.get() + " failed:\n" + text);
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

    /** {@code compat/jira-js} in the working directory or one of its parents (Maven runs in the module). */
    private static Optional<Path> projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("compat").resolve("jira-js");
            if (Files.isRegularFile(candidate.resolve("package.json"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
