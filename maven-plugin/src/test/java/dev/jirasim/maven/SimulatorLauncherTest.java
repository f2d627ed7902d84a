package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks the real standalone simulator the way the start goal does, and stops it the way the stop goal does. */
class SimulatorLauncherTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @Test
    void startsOnAFreePortExportsItsUrlsAndStopsWithThePortClosed() throws Exception {
        Path log = dir.resolve("simulator.log");
        RunningSimulator sim = SimulatorLauncher.start(ForkedSimulators.command(0, null, null, List.of()), log, ForkedSimulators.STARTUP);
        String base;
        try {
            base = "http://localhost:" + sim.port();
            assertTrue(sim.port() > 0);
            assertEquals(base, sim.baseUrl());
            assertEquals(java.util.Map.of("jirasim.baseUrl", base, "jirasim.port", Integer.toString(sim.port()),
                    "jirasim.authUrl", base + "/auth", "jirasim.apiUrl", base + "/api", "jirasim.nangoUrl", base + "/nango",
                    "jirasim.adminUrl", base + "/__admin"), sim.properties());
            assertEquals(200, get(base + "/__admin/health"));
            assertEquals(401, get(sim.properties().get("jirasim.apiUrl") + "/oauth/token/accessible-resources"));
            assertTrue(Forks.isRegistered(sim.process()));
        } finally {
            assertTrue(sim.stop(ForkedSimulators.GRACE), "a SIGTERM is enough");
        }
        assertFalse(sim.isAlive());
        assertFalse(sim.portAnswers(), "nothing listens on the port after stop");
        assertFalse(Forks.isRegistered(sim.process()), "the shutdown hook has nothing left to do");
        assertTrue(Files.readString(log).contains("is listening on " + base), "the output is in the log file");
    }

    @Test
    void theAdminTokenGuardsTheControlApiAndIsNotInTheProcessList() throws Exception {
        String token = "maven-plugin-test-token-0123456789";
        RunningSimulator sim = SimulatorLauncher.start(ForkedSimulators.command(0, null, token, List.of()), dir.resolve("s.log"), ForkedSimulators.STARTUP);
        try {
            var arguments = ProcessHandle.of(sim.pid()).orElseThrow().info().arguments().orElseThrow();
            assertFalse(String.join(" ", arguments).contains(token), String.join(" ", arguments));
            assertEquals(401, get(sim.baseUrl() + "/__admin/world"));
            var withToken = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__admin/world")).header("Authorization", "Bearer " + token).build();
            assertEquals(200, http.send(withToken, HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(token, sim.adminToken());
        } finally {
            sim.stop(ForkedSimulators.GRACE);
        }
    }

    @Test
    void aConfiguredPortIsUsed() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RunningSimulator sim = SimulatorLauncher.start(ForkedSimulators.command(port, null, null, List.of("--log-level", "WARN")),
                dir.resolve("s.log"), ForkedSimulators.STARTUP);
        try {
            assertEquals(port, sim.port());
            assertEquals(200, get("http://127.0.0.1:" + port + "/__admin/health"));
        } finally {
            sim.stop(ForkedSimulators.GRACE);
        }
    }

    @Test
    void aWorldFileThatIsNotAWorldFailsWithTheSimulatorsOwnMessage() throws Exception {
        Path fixture = Files.writeString(dir.resolve("broken-world.yaml"), "sites: 42\n");
        var e = assertThrows(SimulatorException.class,
                () -> SimulatorLauncher.start(ForkedSimulators.command(0, fixture, null, List.of()), dir.resolve("s.log"), ForkedSimulators.STARTUP));
        assertTrue(e.getMessage().startsWith("the simulator exited with status 1 before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("jirasim: " + fixture), e.getMessage());
    }

    @Test
    void aTakenPortFailsNamingIt() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var e = assertThrows(SimulatorException.class, () -> SimulatorLauncher.start(
                    ForkedSimulators.command(taken.getLocalPort(), null, null, List.of()), dir.resolve("s.log"), ForkedSimulators.STARTUP));
            assertTrue(e.getMessage().startsWith("the simulator exited with status 2"), e.getMessage());
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"), e.getMessage());
        }
    }

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
