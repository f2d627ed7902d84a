package dev.jirasim.simulator.state;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.SimulatorProcess;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state}: the world and its clock survive restarts and SIGKILL, a killed process never leaves a broken file, a broken file is an error. */
class StateFileTest {
    static final String ISSUES = "/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3/issue";

    private static String create(JirasimServer sim, String token, String summary) {
        return given().baseUri(sim.baseUrl()).auth().oauth2(token).contentType("application/json")
                .body(Map.of("fields", Map.of("project", Map.of("key", "OPS"), "summary", summary, "issuetype", Map.of("name", "Task"))))
                .post(ISSUES).then().statusCode(201).extract().path("key");
    }

    @Test
    void theWorldSurvivesARestart(@TempDir Path dir) {
        Path state = dir.resolve("world.json");
        String key;
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            String token = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).accessToken();
            key = create(sim, token, "kept across restarts");
        }
        assertTrue(Files.exists(state));
        try (JirasimServer again = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            String token = again.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).accessToken();
            given().baseUri(again.baseUrl()).auth().oauth2(token).get(ISSUES + "/" + key).then().statusCode(200);
        }
    }

    @Test
    void aFrozenClockSurvivesARestartAndTokensExpireOnIt(@TempDir Path dir) {
        Path state = dir.resolve("world.json");
        String token;
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("now", "2031-02-03T04:05:06Z", "frozen", true))
                    .put("/__admin/clock").then().statusCode(200);
            token = given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("user", "alice@acme.test"))
                    .post("/__admin/tokens").then().statusCode(200).extract().path("access_token");
        }
        try (JirasimServer again = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            given().baseUri(again.baseUrl()).get("/__admin/clock").then().statusCode(200)
                    .body("now", equalTo("2031-02-03T04:05:06Z")).body("frozen", equalTo(true));
            // Issued in 2031 and valid for an hour of the restored clock, not of the real one.
            given().baseUri(again.baseUrl()).auth().oauth2(token).get("/api/me").then().statusCode(200);
            given().baseUri(again.baseUrl()).contentType("application/json").body(Map.of("seconds", 3600))
                    .post("/__admin/clock/advance").then().statusCode(200);
            given().baseUri(again.baseUrl()).auth().oauth2(token).get("/api/me").then().statusCode(401);
        }
    }

    @Test
    void aRunningClockKeepsItsDistanceFromRealTime(@TempDir Path dir) {
        Path state = dir.resolve("world.json");
        Duration ahead = Duration.ofDays(30);
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            given().baseUri(sim.baseUrl()).contentType("application/json").body(Map.of("seconds", ahead.toSeconds()))
                    .post("/__admin/clock/advance").then().statusCode(200);
        }
        try (JirasimServer again = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            SimClock clock = again.defaultTenant().clock();
            assertFalse(clock.frozen(), "still running");
            Duration distance = Duration.between(Instant.now(), clock.now());
            // Thirty days ahead, give or take the moments between the two lines above.
            assertTrue(distance.minus(ahead).abs().compareTo(Duration.ofMinutes(1)) < 0, distance.toString());
        }
    }

    /** SIGKILL right after the clock was set: no shutdown hook runs, yet the next start shows that clock. */
    @Test
    void theClockSurvivesSigkill(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        String token;
        try (var p = SimulatorProcess.launch("--port", "0", "--state", state.toString());
             var watch = dir.getFileSystem().newWatchService()) {
            String base = p.awaitListening();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            given().baseUri(base).contentType("application/json").body(Map.of("now", "2032-06-07T08:09:10Z", "frozen", true))
                    .put("/__admin/clock").then().statusCode(200);
            token = given().baseUri(base).contentType("application/json").body(Map.of("user", "bob@acme.test"))
                    .post("/__admin/tokens").then().statusCode(200).extract().path("access_token");
            // One more change after the token, so that the last write follows it.
            given().baseUri(base).contentType("application/json").body(Map.of("seconds", 1))
                    .post("/__admin/clock/advance").then().statusCode(200);
            // Wait (on file events, not a timer) until a write has that clock and the token, then kill. Both, because a
            // write that began before the token request may read the clock after the advance (writes are coalesced).
            while (!savedClockIs(state, "2032-06-07T08:09:11Z") || !Files.readString(state).contains(token)) {
                var key = watch.poll(30, TimeUnit.SECONDS);
                if (key == null) throw new AssertionError("the state file never showed the clock: " + Files.readString(state));
                key.pollEvents();
                key.reset();
            }
            p.kill();
        }
        try (JirasimServer again = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            assertEquals(Instant.parse("2032-06-07T08:09:11Z"), again.defaultTenant().clock().now());
            assertTrue(again.defaultTenant().clock().frozen());
            given().baseUri(again.baseUrl()).auth().oauth2(token).get("/api/me").then().statusCode(200);
        }
    }

    /** The world part of a state file (a world file plus a {@code clock} member). */
    private static WorldFile savedWorld(Path state) throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(Files.readString(state));
        assertTrue(tree.remove("clock") != null, "the state file keeps the clock");
        return WorldFiles.parse(tree.toString(), "http://localhost:1");
    }

    private static boolean savedClockIs(Path state, String now) throws Exception {
        if (!Files.exists(state)) return false;
        var clock = new ObjectMapper().readTree(Files.readString(state)).path("clock");
        return clock.path("frozen").asBoolean() && now.equals(clock.path("now").asText());
    }

    @Test
    void aStateFileStillLoadsAsTheWorldItHolds(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            sim.control().setClock(Instant.parse("2030-01-01T00:00:00Z"), true);
        }
        // A file from before clocks were kept (no "clock" member) starts with a running real-time clock.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(Files.readString(state));
        assertTrue(tree.has("clock"), tree.toString());
        tree.remove("clock");
        Files.writeString(state, tree.toString());
        try (JirasimServer again = JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build())) {
            assertFalse(again.defaultTenant().clock().frozen());
        }
        // A broken clock member is a clear error, like any broken state file.
        tree.putObject("clock").put("frozen", true).put("now", "yesterday");
        Files.writeString(state, tree.toString());
        var e = assertThrows(WorldException.class, () -> JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build()));
        assertTrue(e.getMessage().contains("not a valid world") && e.getMessage().contains("yesterday"), e.getMessage());
        // So is a clock outside the span the control API allows, frozen or running (issue 14, defect 14).
        for (var clock : java.util.List.of("{\"frozen\":true,\"now\":\"+1000000000-01-01T00:00:00Z\"}",
                "{\"frozen\":false,\"offset\":\"PT-500000H\"}", "{\"frozen\":false,\"offset\":\"PT900000000H\"}")) {
            tree.set("clock", new ObjectMapper().readTree(clock));
            Files.writeString(state, tree.toString());
            var out = assertThrows(WorldException.class, () -> JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build()));
            assertTrue(out.getMessage().contains("must show an instant between"), out.getMessage());
        }
    }

    @Test
    void aCorruptStateFileIsAClearErrorNotAnEmptyWorld(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        Files.writeString(state, "{\"users\": [ {\"accountId\": ");
        var e = assertThrows(WorldException.class, () -> JirasimServer.start(SimulatorConfig.builder().randomPort().state(state).build()));
        assertTrue(e.getMessage().contains(state.toString()) && e.getMessage().contains("not a valid world"), e.getMessage());
        assertEquals("{\"users\": [ {\"accountId\": ", Files.readString(state), "the broken file is left for the user to inspect");
    }

    /** A separate JVM writes issues while it is killed with SIGKILL at five different moments; the file always parses. */
    @Test
    void killedAtAnyMomentTheFileIsNeverHalfWritten(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        HttpClient http = HttpClient.newHttpClient();
        int before = -1;
        for (int round = 0; round < 5; round++) {
            // The production logging config, so the child prints its banner (the test config is quiet).
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    SimulatorProcess.CLI_LOGGING, "-cp",
                    System.getProperty("java.class.path"), "dev.jirasim.simulator.Main", "--port", "0", "--state", state.toString())
                    .redirectErrorStream(true).start();
            try {
                String base = awaitBanner(p);
                String token = given().baseUri(base).contentType("application/json").body(Map.of("user", "alice@acme.test"))
                        .post("/__admin/tokens").then().statusCode(200).extract().path("access_token");
                var answered = new AtomicInteger();
                int killAfter = 3 + round * 7;
                var writes = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            var req = HttpRequest.newBuilder(URI.create(base + ISSUES)).header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"fields\":{\"project\":{\"key\":\"OPS\"},\"summary\":\"r\","
                                            + "\"issuetype\":{\"name\":\"Task\"}}}")).build();
                            http.send(req, HttpResponse.BodyHandlers.discarding());
                            answered.incrementAndGet();
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
                // Kill once enough writes were answered and a state file exists at all (the first write is asynchronous
                // and, on a loaded machine, may not have landed after the first few requests).
                while ((answered.get() < killAfter || !Files.exists(state)) && !writes.isDone()) Thread.onSpinWait();
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                writes.get(60, TimeUnit.SECONDS);
            } finally {
                p.destroyForcibly();
            }
            WorldFile saved = savedWorld(state);
            assertTrue(saved.issues().size() >= Math.max(before, 360), "round " + round + ": " + saved.issues().size() + " issues");
            before = saved.issues().size();
            try (var files = Files.list(dir)) {
                List<Path> left = files.filter(f -> !f.equals(state)).toList();
                // A temporary file may remain after a kill; it is never the state file itself.
                assertTrue(left.stream().allMatch(f -> f.getFileName().toString().endsWith(".tmp")), left::toString);
            }
        }
    }

    /** SIGTERM: the process stops serving, writes its state one last time and exits. */
    @Test
    void sigtermFlushesTheStateBeforeExiting(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("world.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SimulatorProcess.CLI_LOGGING, "-cp", System.getProperty("java.class.path"), "dev.jirasim.simulator.Main",
                "--port", "0", "--state", state.toString()).redirectErrorStream(true).start();
        String key;
        try {
            String base = awaitBanner(p);
            String token = given().baseUri(base).contentType("application/json").body(Map.of("user", "alice@acme.test"))
                    .post("/__admin/tokens").then().statusCode(200).extract().path("access_token");
            key = given().baseUri(base).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("fields", Map.of("project", Map.of("key", "OPS"), "summary", "written before SIGTERM",
                            "issuetype", Map.of("name", "Task")))).post(ISSUES).then().statusCode(201).extract().path("key");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the simulator exits on SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        WorldFile saved = savedWorld(state);
        assertTrue(saved.issues().stream().anyMatch(i -> i.key().equals(key) && i.summary().equals("written before SIGTERM")));
    }

    /** SIGTERM while a request is in flight: the request still gets its answer before the process exits. */
    @Test
    void sigtermLetsARequestInFlightFinish(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SimulatorProcess.CLI_LOGGING, "-cp", System.getProperty("java.class.path"), "dev.jirasim.simulator.Main",
                "--port", "0", "--state", dir.resolve("world.json").toString()).redirectErrorStream(true).start();
        try {
            String base = awaitBanner(p);
            given().baseUri(base).contentType("application/json").body(Map.of("path", "/api/me", "delayMs", 1500))
                    .post("/__admin/faults").then().statusCode(201);
            HttpClient http = HttpClient.newHttpClient();
            var inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.ofString());
            // The fault counts its hit when the request arrives, before the delay: then it is surely in flight.
            while (given().baseUri(base).get("/__admin/faults").then().extract().<Integer>path("faults[0].hits") < 1) Thread.onSpinWait();
            p.destroy(); // SIGTERM
            HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
            assertEquals(401, answer.statusCode(), "the gateway's answer to a request without a token, delivered despite the shutdown");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String awaitBanner(Process p) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    int at = line.indexOf("listening on ");
                    if (at >= 0) {
                        String url = line.substring(at + "listening on ".length()).trim();
                        CompletableFuture.runAsync(() -> drain(reader));
                        return url;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the simulator exited before listening");
        });
        return found.get(60, TimeUnit.SECONDS);
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // keep the pipe empty so the child never blocks on output
            }
        } catch (Exception ignored) {
            // the process is gone
        }
    }
}
