package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.common.Version;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthWaitTest {
    private static final HealthWait.Pause NO_PAUSE = duration -> false;
    private HttpServer stub;

    @AfterEach
    void stopStub() {
        if (stub != null) stub.stop(0);
    }

    @Test
    void aSimulatorInProcessIsReadyAndTellsItsVersion() throws Exception {
        try (var sim = JirasimServer.start(SimulatorConfig.builder().port(0).build())) {
            String version = HealthWait.await(URI.create(sim.baseUrl()), Instant.now().plusSeconds(10), NO_PAUSE);
            assertEquals(Version.current(), version);
        }
    }

    @Test
    void theProbeNeedsNoAdminToken() throws Exception {
        var config = SimulatorConfig.builder().port(0).adminToken("an-admin-token-for-this-test").build();
        try (var sim = JirasimServer.start(config)) {
            assertEquals(Version.current(), HealthWait.await(URI.create(sim.baseUrl() + "/"), Instant.now().plusSeconds(10), NO_PAUSE));
        }
    }

    @Test
    void startingIsWaitedOutUntilReady() throws Exception {
        var calls = new AtomicInteger();
        URI base = stub(() -> calls.incrementAndGet() <= 2 ? 503 : 200);
        assertEquals("9.9.9", HealthWait.await(base, Instant.now().plusSeconds(10), NO_PAUSE));
        assertEquals(3, calls.get());
    }

    @Test
    void aPassedDeadlineEndsTheWaitWithTheLastAnswer() throws Exception {
        var calls = new AtomicInteger();
        URI base = stub(() -> {
            calls.incrementAndGet();
            return 503;
        });
        var e = assertThrows(SimulatorException.class, () -> HealthWait.await(base, Instant.now(), NO_PAUSE));
        assertEquals(1, calls.get());
        assertTrue(e.getMessage().contains("did not answer ready in time; last answer: 503 {\"status\":\"starting\""), e.getMessage());
    }

    @Test
    void aProcessThatHasGoneEndsTheWait() throws Exception {
        URI base = stub(() -> 503);
        var e = assertThrows(SimulatorException.class, () -> HealthWait.await(base, Instant.now().plusSeconds(30), duration -> true));
        assertTrue(e.getMessage().startsWith("the simulator exited while waiting for GET " + base + "/__admin/health"), e.getMessage());
    }

    @Test
    void nothingListeningIsReportedAsTheConnectionError() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var e = assertThrows(SimulatorException.class,
                () -> HealthWait.await(URI.create("http://127.0.0.1:" + port), Instant.now(), NO_PAUSE));
        assertTrue(e.getMessage().contains("last answer: ConnectException"), e.getMessage());
    }

    /** A health probe on loopback whose status comes from {@code status}: 200 ready, anything else starting. */
    private URI stub(java.util.function.IntSupplier status) throws Exception {
        stub = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/__admin/health", exchange -> {
            int code = status.getAsInt();
            byte[] body = (code == 200 ? "{\"status\":\"ready\",\"version\":\"9.9.9\"}" : "{\"status\":\"starting\",\"version\":\"9.9.9\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }
}
