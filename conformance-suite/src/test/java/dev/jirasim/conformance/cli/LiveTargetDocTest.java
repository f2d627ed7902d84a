package dev.jirasim.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.support.Targets;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.world.Consent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands docs/conformance.md ("Live targets") and docs/live-targets.md print, run as printed in JVMs of their own
 * (the jar replaced by this build's class path): the simulator without its control API, and the gate against the
 * shipped Atlassian Cloud target, its URLs and credentials pointed at that simulator.
 */
class LiveTargetDocTest {
    private static final Pattern BASH = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
    private static final String SIMULATOR_JAR = "java -jar simulator/target/jirasim.jar";
    private static final String SUITE_JAR = "java -jar conformance-suite/target/jirasim-conformance.jar";
    private static final String CALLBACK = "http://localhost:3000/callback";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theNoAdminCommandStartsASimulatorWhoseControlApiIsGone(@TempDir Path dir) throws Exception {
        String command = onlyCommand(Files.readString(Path.of("..", "docs", "conformance.md")), "## Live targets", SIMULATOR_JAR);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process sim = start("dev.jirasim.simulator.Main", command.substring(SIMULATOR_JAR.length()).replace("--port 8485", "--port " + port), Map.of(), dir);
        try {
            String base = "http://localhost:" + port;
            HttpResponse<String> admin = awaitAnswer(base + "/__admin/world", sim, dir);
            assertEquals(404, admin.statusCode(), admin.body());
            assertTrue(admin.body().contains("--no-admin"), admin.body());
            assertEquals(401, get(base + "/api/oauth/token/accessible-resources").statusCode(), "the real API still answers");
        } finally {
            sim.destroy();
            sim.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLiveRunCommandPassesAgainstTheStandIn(@TempDir Path dir) throws Exception {
        String command = onlyCommand(Files.readString(Path.of("..", "docs", "live-targets.md")), "# ", SUITE_JAR);
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().noAdmin(true).build())) {
            sim.control().consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), Consent.Decision.APPROVE));
            Path tokens = dir.resolve("refresh-token");
            Files.writeString(tokens, refreshToken(sim.baseUrl()));
            String target = Files.readString(Targets.SCENARIOS.resolve("targets/atlassian-cloud.yaml"))
                    .replace("https://auth.atlassian.com", sim.baseUrl() + "/auth").replace("https://api.atlassian.com", sim.baseUrl() + "/api");
            Path targetFile = dir.resolve("atlassian-cloud.yaml");
            Files.writeString(targetFile, target);
            Path reports = dir.resolve("live");
            String args = command.substring(SUITE_JAR.length()).replace("scenarios/targets/atlassian-cloud.yaml", targetFile.toString())
                    .replace("--scenarios scenarios", "--scenarios " + Targets.SCENARIOS).replace("target/live", reports.toString());
            Process run = start("dev.jirasim.conformance.cli.Main", args, Map.of("ATLASSIAN_CLIENT_ID", "jirasim-client",
                    "ATLASSIAN_CLIENT_SECRET", "jirasim-secret", "ATLASSIAN_CALLBACK_URL", CALLBACK, "ATLASSIAN_REFRESH_TOKEN_FILE", tokens.toString(),
                    "ATLASSIAN_SITE_URL", "https://acme.atlassian.net", "JIRASIM_LIVE_PROJECT", "ACME"), dir);
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(300, TimeUnit.SECONDS), "the run ends");
            assertEquals(0, run.exitValue(), printed + Files.readString(dir.resolve("stderr")));
            String summary = Files.readString(reports.resolve("conformance-summary.md"));
            assertTrue(summary.contains("live-cloud-issue-write-cleans-up-after-itself"), summary);
            assertTrue(!Files.readString(tokens).isBlank(), "the rotated refresh token is written back");
        }
    }

    private static String refreshToken(String base) throws Exception {
        var noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String query = "audience=api.atlassian.com&client_id=jirasim-client&scope=read%3Ajira-work%20write%3Ajira-work%20read%3Ajira-user%20offline_access"
                + "&redirect_uri=" + CALLBACK + "&state=doc&response_type=code";
        var redirect = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/auth/authorize?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode(), redirect.body());
        String code = redirect.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]+).*", "$1");
        String body = "{\"grant_type\":\"authorization_code\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\",\"code\":\"" + code
                + "\",\"redirect_uri\":\"" + CALLBACK + "\"}";
        var token = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/auth/oauth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        return token.body().replaceAll(".*\"refresh_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** The one {@code bash} block after {@code heading} that starts with {@code prefix}. */
    private static String onlyCommand(String page, String heading, String prefix) {
        int start = page.indexOf(heading);
        assertTrue(start >= 0, heading);
        Matcher m = BASH.matcher(page.substring(start));
        var found = new ArrayList<String>();
        while (m.find()) {
            String c = m.group(1).replace("\\\n", " ").strip();
            if (c.startsWith(prefix)) found.add(c);
        }
        assertEquals(1, found.size(), "commands starting with " + prefix + ": " + found);
        return found.get(0);
    }

    private static Process start(String mainClass, String args, Map<String, String> env, Path dir) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass));
        command.addAll(Arrays.asList(args.trim().split("\\s+")));
        var builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first answer of a starting process: it is ready when it answers (or has died, which fails the test). */
    private static HttpResponse<String> awaitAnswer(String url, Process process, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), () -> "the simulator exited: " + read(dir.resolve("stderr")));
            try {
                return get(url);
            } catch (java.net.ConnectException e) {
                process.waitFor(100, TimeUnit.MILLISECONDS); // not yet listening: wait on the process, not on a sleep
            }
        }
        throw new AssertionError("no answer from " + url + " within 60 s: " + read(dir.resolve("stderr")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
