package dev.jirasim.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.DcInstance.DcConsent;
import dev.jirasim.simulator.world.WorldException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What only the HTTP door has: the wire (each method's request, checked on a stub that records it), the admin
 * token, refusals that are not the control API's, a server that cannot be reached, and the observer.
 */
class HttpSimulatorControlTest {
    private static final String TOKEN = "http-control-admin-token-0001";

    /** A stub control API: records each request as "METHOD /path body", answers {@code status} with {@code body}. */
    private HttpServer stub;
    private final List<String> received = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            try (exchange) {
                String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (received) {
                    received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + (sent.isEmpty() ? "" : " " + sent));
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                }
                byte[] out = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
                if (out.length > 0) exchange.getResponseBody().write(out);
            }
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private HttpSimulatorControl stubControl() {
        return HttpSimulatorControl.of("http://127.0.0.1:" + stub.getAddress().getPort() + "/t/a/__admin");
    }

    private String sent(Consumer<HttpSimulatorControl> call) {
        synchronized (received) {
            received.clear();
        }
        call.accept(stubControl());
        synchronized (received) {
            assertEquals(1, received.size(), "one request per call: " + received);
            return received.get(0);
        }
    }

    @Test
    void eachMethodIsOneCallOfTheDocumentedEndpoint() {
        assertEquals("POST /t/a/__admin/reset", sent(HttpSimulatorControl::reset));
        assertEquals("PUT /t/a/__admin/world version: 1\n", sent(c -> c.replaceWorld("version: 1\n")));
        assertEquals("PUT /t/a/__admin/clock {\"now\":\"2030-01-01T00:00:00Z\",\"frozen\":true}",
                sent(c -> c.setClock(Instant.parse("2030-01-01T00:00:00Z"), true)));
        assertEquals("PUT /t/a/__admin/clock {\"frozen\":false}", sent(c -> c.setClock(null, false)));
        assertEquals("POST /t/a/__admin/clock/advance {\"seconds\":3601}", sent(c -> c.advanceClock(Duration.ofSeconds(3601))));
        assertEquals("PUT /t/a/__admin/consent {\"mode\":\"auto\",\"user\":\"alice@acme.test\",\"sites\":[\"acme\"],\"decision\":\"approve\"}",
                sent(c -> c.consent(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), null))));
        assertEquals("PUT /t/a/__admin/dc/dc1/consent {\"mode\":\"auto\",\"user\":\"jdoe\",\"decision\":\"approve\"}",
                sent(c -> c.dcConsent("dc1", new DcConsent("auto", "jdoe", null))));
        assertEquals("DELETE /t/a/__admin/faults", sent(HttpSimulatorControl::clearFaults));
        assertEquals("DELETE /t/a/__admin/faults/fault%201", sent(c -> c.removeFault("fault 1")));
        assertEquals("DELETE /t/a/__admin/journal", sent(HttpSimulatorControl::clearJournal));

        body = "{\"revoked\":2}";
        assertEquals("POST /t/a/__admin/tokens/revoke {\"grantId\":\"grant-1\"}", sent(c -> c.revokeGrant("grant-1")));
        assertEquals("POST /t/a/__admin/tokens/revoke {\"token\":\"at-1\"}", sent(c -> c.revokeToken("at-1")));
        assertEquals("POST /t/a/__admin/tokens/revoke {\"user\":\"bob@acme.test\"}", sent(c -> assertEquals(2, c.revokeUser("bob@acme.test"))));
        body = "{\"access_token\":\"a\",\"expires_in\":3600,\"scope\":\"read:me\",\"token_type\":\"Bearer\",\"grant_id\":\"g\"}";
        assertEquals("POST /t/a/__admin/tokens {\"user\":\"bob@acme.test\",\"sites\":[\"acme\"]}",
                sent(c -> assertEquals(new IssuedTokens("a", null, 3600, "read:me", "g"), c.issueTokens(TokenRequestSpec.forUser("bob@acme.test", "acme")))));
        body = "{\"faults\":[{\"id\":\"fault-1\",\"path\":\"/api/**\",\"status\":503,\"times\":1,\"remaining\":1,\"hits\":0}]}";
        assertEquals("POST /t/a/__admin/faults [{\"path\":\"/api/**\",\"status\":503,\"times\":1}]",
                sent(c -> assertEquals("fault-1", c.addFault(FaultRule.on("/api/**").status(503).times(1).build()).id())));
        assertEquals("GET /t/a/__admin/faults", sent(c -> assertEquals(1, c.faults().get(0).remaining())));
        body = "{\"now\":\"2030-01-01T00:00:00Z\",\"frozen\":true}";
        assertEquals("GET /t/a/__admin/clock", sent(c -> assertEquals(Instant.parse("2030-01-01T00:00:00Z"), c.now())));
        body = "{\"mode\":\"interactive\"}";
        assertEquals("GET /t/a/__admin/consent", sent(c -> assertEquals(Consent.INTERACTIVE, c.consent())));
        body = "{\"requests\":[]}";
        assertEquals("GET /t/a/__admin/journal", sent(c -> assertEquals(List.of(), c.journal())));
        body = "{\"version\":1}";
        assertEquals("GET /t/a/__admin/world", sent(c -> assertEquals(List.of(), c.tokens().grants())));
    }

    @Test
    void apiTokensAndDcPasswordsAreOneCallEach() {
        String value = "ATATT3xFfGF0abc=0123ABCD";
        body = "{\"token\":\"" + value + "\",\"label\":\"ci\",\"created\":\"2030-01-01T00:00:00Z\",\"expiresAt\":\"2030-01-31T00:00:00Z\"}";
        status = 201;
        assertEquals("POST /t/a/__admin/users/alice%40acme.test/api-tokens {\"label\":\"ci\",\"expiresInDays\":30}",
                sent(c -> assertEquals(new ApiToken(value, "ci", Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-31T00:00:00Z"), null),
                        c.createApiToken("alice@acme.test", "ci", Duration.ofDays(30)))));
        assertEquals("POST /t/a/__admin/users/alice%40acme.test/api-tokens {}", sent(c -> c.createApiToken("alice@acme.test", null, null)));
        status = 204;
        body = "";
        assertEquals("DELETE /t/a/__admin/users/alice%40acme.test/api-tokens/ATATT3xFfGF0abc%3D0123ABCD",
                sent(c -> assertTrue(c.revokeApiToken("alice@acme.test", value))));
        assertEquals("PUT /t/a/__admin/dc/dc1/users/jdoe/password {\"password\":\"pw\"}", sent(c -> c.dcPassword("dc1", "jdoe", "pw")));
        assertEquals("PUT /t/a/__admin/dc/dc1/users/jdoe/password {\"password\":null}", sent(c -> c.dcPassword("dc1", "jdoe", null)));

        var e = assertThrows(IllegalArgumentException.class, () -> stubControl().createApiToken("alice@acme.test", "x", Duration.ofHours(36)));
        assertTrue(e.getMessage().contains("whole days"), e.getMessage());
    }

    @Test
    void apiTokenAndPasswordRefusalsBecomeTheInProcessAnswers() {
        status = 404;
        body = "{\"status\":404,\"error\":\"not_found\",\"message\":\"unknown user nobody@x.test\"}";
        assertEquals("unknown user nobody@x.test",
                assertThrows(WorldException.class, () -> stubControl().createApiToken("nobody@x.test", null, null)).getMessage());
        assertThrows(WorldException.class, () -> stubControl().dcPassword("dc9", "jdoe", "x"));
        assertFalse(stubControl().revokeApiToken("nobody@x.test", "ATATT3xFfGF0abc=0123ABCD"));
        status = 400;
        body = "{\"status\":400,\"error\":\"bad_request\",\"message\":\"'expiresInDays' must be a whole number of days from 1 to 365, not 400.\"}";
        assertThrows(IllegalArgumentException.class, () -> stubControl().createApiToken("alice@acme.test", null, Duration.ofDays(400)));
        // Any other failure names the call, with the token in its URL masked.
        status = 500;
        body = "{\"status\":500,\"error\":\"server_error\",\"message\":\"Internal server error\"}";
        var failed = assertThrows(ControlApiException.class, () -> stubControl().revokeApiToken("alice@acme.test", "ATATT3xFfGF0secretpart=0123ABCD"));
        assertFalse(failed.getMessage().contains("secretpart"), failed.getMessage());
        assertTrue(failed.getMessage().contains("/api-tokens/ATAT…("), failed.getMessage());
    }

    @Test
    void theControlApisRefusalsBecomeTheInProcessExceptions() {
        status = 400;
        body = "{\"status\":400,\"error\":\"bad_request\",\"message\":\"Invalid fault: rule 1: nope\"}";
        var fault = assertThrows(IllegalArgumentException.class, () -> stubControl().addFault(FaultRule.on("/x").status(503).build()));
        assertEquals("Invalid fault: rule 1: nope", fault.getMessage());
        assertThrows(WorldException.class, () -> stubControl().replaceWorld("version: 1\n"));
        assertThrows(IllegalArgumentException.class, () -> stubControl().advanceClock(Duration.ZERO));
        // A 400 that is not the control API's error shape (another server answered) has no Java meaning.
        body = "<html>Bad Request</html>";
        var other = assertThrows(ControlApiException.class, () -> stubControl().replaceWorld("version: 1\n"));
        assertEquals(400, other.status());
        assertTrue(other.getMessage().contains("<html>Bad Request</html>"), other.getMessage());
    }

    @Test
    void otherErrorsAndUnreadableAnswersAreControlApiExceptionsWithTheServersWords() {
        status = 500;
        body = "{\"status\":500,\"error\":\"server_error\",\"message\":\"Internal server error\"}";
        var failed = assertThrows(ControlApiException.class, () -> stubControl().reset());
        assertEquals(500, failed.status());
        assertEquals("server_error", failed.error());
        assertTrue(failed.getMessage().startsWith("POST http://127.0.0.1:"), failed.getMessage());
        assertTrue(failed.getMessage().endsWith("/t/a/__admin/reset answered 500 server_error: Internal server error"), failed.getMessage());

        status = 200;
        body = "{\"faults\":[{\"no\":\"id\"}]}";
        assertTrue(assertThrows(ControlApiException.class, () -> stubControl().faults()).getMessage().contains("not a list of faults"));
        body = "{\"access_token\":\"eyJsecretsecretsecret\",\"expires_in\":\"soon\"}";
        var unreadable = assertThrows(ControlApiException.class, () -> stubControl().issueTokens(TokenRequestSpec.forUser("alice@acme.test")));
        assertFalse(unreadable.getMessage().contains("eyJsecretsecretsecret"), "secrets masked: " + unreadable.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedIsAnUncheckedIOExceptionAndTheObserverSeesNoAnswer() {
        int port = stub.getAddress().getPort();
        stub.stop(0);
        var seen = new ArrayList<ControlExchange>();
        var control = HttpSimulatorControl.of("http://127.0.0.1:" + port + "/__admin").observedBy(seen::add);
        var e = assertThrows(UncheckedIOException.class, control::reset);
        assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:" + port + "/__admin/reset got no answer"), e.getMessage());
        assertEquals(List.of(new ControlExchange("POST", "http://127.0.0.1:" + port + "/__admin/reset", null, 0, null)), seen);
    }

    @Test
    void theObserverSeesEveryCallWithBodiesButNeverTheToken() {
        var seen = new ArrayList<ControlExchange>();
        var control = HttpSimulatorControl.of("http://127.0.0.1:" + stub.getAddress().getPort() + "/__admin", TOKEN).observedBy(seen::add);
        body = "{\"now\":\"2030-01-01T00:00:00Z\",\"frozen\":true}";
        control.advanceClock(Duration.ofSeconds(5));
        assertEquals(new ControlExchange("POST", control.url() + "/clock/advance", "{\"seconds\":5}", 200, body), seen.get(0));
        assertEquals("Bearer " + TOKEN, authorizations.get(0));
        assertFalse(seen.toString().contains(TOKEN));
        assertEquals("HttpSimulatorControl[" + control.url() + ", admin token set]", control.toString());
    }

    @Test
    void aProtectedServerNeedsItsAdminTokenAndNoMessageShowsIt() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().adminToken(TOKEN).build())) {
            HttpSimulatorControl.of(sim.adminUrl(), TOKEN).setClock(Instant.parse("2030-01-01T00:00:00Z"), true);
            assertTrue(sim.control().clockFrozen());

            var refused = assertThrows(ControlApiException.class, () -> HttpSimulatorControl.of(sim.adminUrl()).reset());
            assertEquals(401, refused.status());
            assertEquals("unauthorized", refused.error());
            assertTrue(refused.getMessage().endsWith("The control API needs Authorization: Bearer <admin token>."), refused.getMessage());
            var wrong = assertThrows(ControlApiException.class, () -> HttpSimulatorControl.of(sim.adminUrl(), TOKEN + "x").reset());
            assertFalse(wrong.getMessage().contains(TOKEN), wrong.getMessage());
            assertTrue(sim.control().clockFrozen(), "nothing was reset");
        }
    }

    @Test
    void theUrlIsTheControlApisBase() {
        assertEquals("http://localhost:8484/__admin", HttpSimulatorControl.of("http://localhost:8484/__admin/").url());
        assertThrows(IllegalArgumentException.class, () -> HttpSimulatorControl.of("localhost:8484/__admin"));
        assertThrows(IllegalArgumentException.class, () -> HttpSimulatorControl.of("ftp://localhost/__admin"));
        assertThrows(IllegalArgumentException.class, () -> HttpSimulatorControl.of("http://localhost:8484/__admin?x=1"));
        assertThrows(IllegalArgumentException.class, () -> HttpSimulatorControl.of(null));
        assertEquals("HttpSimulatorControl[http://localhost:8484/__admin]", HttpSimulatorControl.of("http://localhost:8484/__admin", "").toString());
    }

    @Test
    void theClockMovesByWholeSecondsOverHttp() {
        var e = assertThrows(IllegalArgumentException.class, () -> stubControl().advanceClock(Duration.ofMillis(1500)));
        assertTrue(e.getMessage().contains("whole seconds"), e.getMessage());
        synchronized (received) {
            assertTrue(received.isEmpty(), "refused before sending: " + received);
        }
    }
}
