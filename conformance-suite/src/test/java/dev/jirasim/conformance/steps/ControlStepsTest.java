package dev.jirasim.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.model.Step.ControlStep.Kind;
import dev.jirasim.conformance.model.Target;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.world.Consent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control steps reach the target through its control API, and the report still shows each call as it went
 * over the wire: method, URL, status and bodies, secrets masked.
 */
class ControlStepsTest {
    @AutoClose
    private static final JirasimServer SIM = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
    private StepRunner runner;
    private Variables vars;

    @BeforeEach
    void reset() {
        runner = new StepRunner(target(SIM.adminUrl()));
        runner.reset();
        vars = new Variables(k -> null);
    }

    private static Target target(String admin) {
        return new Target("test", Map.of("admin", admin), Set.of(), Map.of(), Set.of());
    }

    private static Step.ControlStep step(Kind kind, Object argument) {
        return new Step.ControlStep(kind.key, null, kind, argument);
    }

    @Test
    void eachKindChangesTheTargetAndShowsItsCall() {
        runner.run(step(Kind.SET_CLOCK, Map.of("now", "2030-01-01T00:00:00Z", "frozen", true)), vars);
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), SIM.control().now());
        Exchange clock = runner.lastExchange();
        assertEquals("PUT", clock.method());
        assertEquals(SIM.adminUrl() + "/clock", clock.url());
        assertEquals(200, clock.status());
        assertTrue(clock.responseBody().contains("\"frozen\":true"), clock.responseBody());

        runner.run(step(Kind.ADVANCE_CLOCK, 60L), vars);
        assertEquals(Instant.parse("2030-01-01T00:01:00Z"), SIM.control().now());
        assertEquals("{\"seconds\":60}", runner.lastExchange().requestBody());

        vars.put("who", "alice@acme.test");
        runner.run(step(Kind.CONSENT, Map.of("mode", "auto", "user", "${who}", "sites", List.of("acme"))), vars);
        assertEquals(new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), null), SIM.control().consent());

        runner.run(step(Kind.FAULT, Map.of("path", "/api/**", "status", 503, "headers", Map.of("Retry-After", 7))), vars);
        assertEquals(List.of("/api/**"), SIM.control().faults().stream().map(f -> f.rule().path()).toList());
        Exchange fault = runner.lastExchange();
        assertEquals("POST " + SIM.adminUrl() + "/faults", fault.method() + " " + fault.url());
        assertEquals(201, fault.status());
        assertTrue(fault.requestBody().contains("\"Retry-After\":\"7\""), fault.requestBody());
        assertTrue(fault.responseBody().contains("\"id\":\"fault-1\""), fault.responseBody());

        runner.run(step(Kind.CLEAR_FAULTS, null), vars);
        assertEquals(List.of(), SIM.control().faults());
        assertEquals("DELETE", runner.lastExchange().method());
        assertEquals(204, runner.lastExchange().status());
    }

    @Test
    void aSeedFileGoesAsItsTextAndTheTargetReadsIt(@TempDir Path dir) throws Exception {
        Path world = dir.resolve("world.yaml");
        Files.writeString(world, """
                version: 1
                sites: [{cloudId: 00000000-0000-4000-8000-000000000001, subdomain: one}]
                users: [{accountId: u1, email: a@x.test, sites: [one]}]
                apps: [{clientId: app, clientSecret: s, callbackUrls: ["${publicUrl}/callback"]}]
                """);
        runner.run(step(Kind.SEED, world), vars);
        assertEquals(List.of(SIM.baseUrl() + "/callback"), SIM.control().exportWorld().apps().get(0).callbackUrls());
        assertEquals(Files.readString(world), runner.lastExchange().requestBody());
        assertTrue(runner.lastExchange().responseBody().contains("\"users\":1"), runner.lastExchange().responseBody());
    }

    @Test
    void aRefusalFailsTheStepWithTheTargetsAnswerAndKeepsTheExchange() {
        vars.putSecret("who", "nobody@x.test");
        var failure = assertThrows(StepFailure.class,
                () -> runner.run(step(Kind.CONSENT, Map.of("mode", "auto", "user", "${who}")), vars));
        assertTrue(failure.getMessage().startsWith("control step consent answered 400: "), failure.getMessage());
        Exchange refused = runner.lastExchange();
        assertEquals(400, refused.status());
        assertFalse(refused.requestBody().contains("nobody@x.test"), "secret variables masked: " + refused.requestBody());
        assertTrue(refused.responseBody().contains("unknown user"), refused.responseBody());
    }

    @Test
    void anArgumentTheSimulatorWouldRefuseFailsBeforeSending() {
        var failure = assertThrows(StepFailure.class, () -> runner.run(step(Kind.SET_CLOCK, Map.of("when", "soon")), vars));
        assertTrue(failure.getMessage().startsWith("control step setClock: ") && failure.getMessage().contains("when"), failure.getMessage());
        assertNull(runner.lastExchange());
        var fault = assertThrows(StepFailure.class, () -> runner.run(step(Kind.FAULT, Map.of("path", "/api/**", "status", 700)), vars));
        assertTrue(fault.getMessage().contains("'status' must be between 100 and 599"), fault.getMessage());
    }

    @Test
    void aTargetThatCannotBeReachedFailsTheStepWithNoAnswer() {
        int port;
        try (JirasimServer gone = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            port = gone.port();
        }
        var unreachable = new StepRunner(target("http://127.0.0.1:" + port + "/__admin"));
        var failure = assertThrows(StepFailure.class, unreachable::reset);
        assertTrue(failure.getMessage().startsWith("control request failed: "), failure.getMessage());
        assertEquals(0, unreachable.lastExchange().status());
        assertEquals("POST", unreachable.lastExchange().method());
    }
}
