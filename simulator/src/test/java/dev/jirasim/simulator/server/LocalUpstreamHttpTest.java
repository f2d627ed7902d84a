package dev.jirasim.simulator.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Simulated Nango's calls to the simulated providers reuse in-memory connections (see {@link LocalUpstream}): every
 * call still reaches the provider as a request of its own, and a connection the provider closed is never used again.
 */
@ExtendWith(SimulatorExtension.class)
class LocalUpstreamHttpTest {
    private static final String MYSELF = "/ex/jira/" + OAuth.ACME + "/rest/api/3/myself";

    private static RequestSpecification proxy(JirasimServer sim) {
        return given().baseUri(sim.baseUrl() + "/nango").header("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c")
                .header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme");
    }

    private static long upstreamCalls(JirasimServer sim) {
        return sim.control().journal().stream().map(JournalEntry::path).filter(p -> p.equals("/api" + MYSELF)).count();
    }

    @Test
    void eachProxiedCallIsOneRequestUpstreamOnAReusedConnection() {
        try (var sim = JirasimServer.start(dev.jirasim.simulator.SimulatorConfig.builder().randomPort().build())) {
            for (int i = 0; i < 20; i++) proxy(sim).get("/proxy" + MYSELF).then().statusCode(200).body("emailAddress", equalTo("alice@acme.test"));
            assertEquals(20, upstreamCalls(sim));
        }
    }

    @Test
    void aConnectionTheProviderClosedIsNotUsedAgain(JirasimServer sim) {
        // The provider answers once with "Connection: close" (Jetty then closes the connection); the next calls get a new one.
        sim.control().addFault(FaultRule.on("/api" + MYSELF).method("GET").status(503).header("Connection", "close").times(1).build());
        proxy(sim).get("/proxy" + MYSELF).then().statusCode(503);
        for (int i = 0; i < 3; i++) proxy(sim).get("/proxy" + MYSELF).then().statusCode(200).body("emailAddress", equalTo("alice@acme.test"));
        assertEquals(4, upstreamCalls(sim));
    }

    @Test
    void aDelayedProviderAnswerStillArrivesOnItsOwnConnection(JirasimServer sim) {
        // A delay parks the provider's request off its thread: the connection is busy until it answers.
        sim.control().addFault(FaultRule.on("/api" + MYSELF).method("GET").delayMs(50).times(2).build());
        for (int i = 0; i < 4; i++) proxy(sim).get("/proxy" + MYSELF).then().statusCode(200).body("emailAddress", equalTo("alice@acme.test"));
        assertEquals(4, upstreamCalls(sim));
    }

    @Test
    void concurrentCallsEachGetTheirOwnAnswer(JirasimServer sim) throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<Callable<Integer>>();
            for (int i = 0; i < 64; i++) {
                String key = "ACME-" + (1 + i % 10);
                calls.add(() -> {
                    proxy(sim).get("/proxy/ex/jira/" + OAuth.ACME + "/rest/api/3/issue/" + key).then().statusCode(200).body("key", equalTo(key));
                    return 1;
                });
            }
            int done = 0;
            for (var f : pool.invokeAll(calls)) done += f.get();
            assertEquals(64, done);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(64, sim.control().journal().stream().map(JournalEntry::path).filter(p -> p.startsWith("/api/ex/jira/" + OAuth.ACME + "/rest/api/3/issue/")).count());
        assertEquals(List.of(), sim.control().journal().stream().filter(e -> e.status() >= 500).toList());
    }
}
