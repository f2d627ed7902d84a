package dev.jirasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.support.SimulatorProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it: exit codes, one-line errors, the request log level. */
class MainProcessTest {
    private static final String REQUEST_LINE = "GET /api/me 401";

    @Test
    void anUnknownOptionExitsWithStatus2AndTheUsage() throws Exception {
        try (var p = SimulatorProcess.launch("--bogus")) {
            assertEquals(2, p.awaitExit());
            List<String> out = p.output();
            assertEquals("jirasim: unknown option: --bogus", out.get(0), out.toString());
            assertTrue(out.contains("Usage: java -jar jirasim.jar [options]"), out.toString());
        }
    }

    @Test
    void aPortInUseIsOneLineAndStatus2NotAStackTrace() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var p = SimulatorProcess.launch("--port", String.valueOf(taken.getLocalPort()))) {
            assertEquals(2, p.awaitExit());
            List<String> out = p.output();
            assertEquals(List.of("jirasim: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"
                    + " (stop what holds it, or pick another with --port)"), out);
        }
    }

    @Test
    void theEnvironmentCanQuietTheRequestLog() throws Exception {
        List<String> out = runOneRequest(Map.of("JIRASIM_LOG_LEVEL", "warn"));
        assertTrue(out.stream().anyMatch(l -> l.contains("listening on")), out.toString());
        assertFalse(out.stream().anyMatch(l -> l.contains(REQUEST_LINE)), out.toString());
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws Exception {
        List<String> out = runOneRequest(Map.of("JIRASIM_LOG_LEVEL", "warn"), "--log-level", "info");
        assertTrue(out.stream().anyMatch(l -> l.contains(REQUEST_LINE)), out.toString());
    }

    /** One request, then SIGTERM: by the exit every line the process logged has been read. */
    private static List<String> runOneRequest(Map<String, String> env, String... extra) throws Exception {
        var args = new java.util.ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(extra));
        try (var p = SimulatorProcess.launch(env, args.toArray(String[]::new))) {
            String base = p.awaitListening();
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(401, answer.statusCode());
            p.terminate();
            return p.output();
        }
    }
}
