package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with the published Python {@code jira} library on the site host: runs {@code compat/python-jira}'s
 * {@code unittest} file, which uses the library as documented for Jira Cloud with an API token
 * ({@code JIRA(server=site_url, basic_auth=(email, token))}). Skipped, with a message, where no Python 3 on this
 * machine can import {@code jira}: Debian's {@code python3-jira} installs it for {@code /usr/bin/python3}
 * ({@code .ci/run} does it when it runs as root with apt-get).
 */
@ExtendWith(SimulatorExtension.class)
class PythonJiraCompatTest {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void thePublishedPythonJiraLibraryWorksOnTheSiteHostWithAnApiToken(JirasimServer sim) throws Exception {
        Path python = pythonWithJira();
        Path folder = compatFolder();
        // The site URL as the simulator writes it in links (its public URL): the file compares self links in full.
        String output = run(folder, List.of(python.toString(), "-B", "-m", "unittest", "-v", "test_site"), sim.baseUrl() + "/site/acme");
        Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests? in ").matcher(output);
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 7, () -> "test_site ran too few tests:\n" + output);
        assertTrue(Pattern.compile("(?m)^OK\\b").matcher(output).find(), () -> "test_site did not pass:\n" + output);
    }

    /**
     * Debian's interpreter first (python3-jira installs there), then the first {@code python3} on the PATH (which
     * may be another one, e.g. pyenv's, with the library from pip): the first that imports {@code jira}.
     */
    private static Path pythonWithJira() throws Exception {
        var candidates = new ArrayList<Path>();
        Path debian = Path.of("/usr/bin/python3");
        if (Files.isExecutable(debian)) candidates.add(debian);
        onPath("python3").filter(p -> !candidates.contains(p)).ifPresent(candidates::add);
        assumeTrue(!candidates.isEmpty(), "Skipped: no python3 found (/usr/bin/python3 or on the PATH); the Python jira compatibility test needs it");
        for (Path candidate : candidates) {
            Process probe = new ProcessBuilder(candidate.toString(), "-B", "-c", "import jira")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            probe.getOutputStream().close();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) return candidate;
            probe.destroyForcibly();
        }
        assumeTrue(false, "Skipped: the Python jira library is not importable by " + candidates
                + "; install Debian's python3-jira (apt-get install python3-jira; .ci/run does it as root)");
        throw new AssertionError("unreachable");
    }

    private static String run(Path folder, List<String> command, String siteUrl) throws Exception {
        var builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        var environment = builder.environment();
        environment.put("JIRASIM_SITE_URL", siteUrl);
        environment.put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ left in the working tree
        environment.put("PYTHONUNBUFFERED", "1");
        // requests honours HTTP(S)_PROXY; the simulator is local and must be reached directly.
        for (String name : new String[] {"NO_PROXY", "no_proxy"}) {
            environment.merge(name, "127.0.0.1,localhost", (existing, local) -> existing + "," + local);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("python3 -m unittest did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n" + output.getNow("(not available)"));
        }
        String text = output.get(10, TimeUnit.SECONDS);
        System.out.println(text);
        assertEquals(0, process.exitValue(), () -> "python3 -m unittest in " + folder + " failed:\n" + text);
        return text;
    }

    /** {@code compat/python-jira} in the working directory or one of its parents (Maven runs in the module). */
    private static Path compatFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("compat").resolve("python-jira");
            if (Files.isRegularFile(candidate.resolve("test_site.py"))) return candidate;
        }
        assumeTrue(false, "Skipped: compat/python-jira not found above " + Path.of("").toAbsolutePath());
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
