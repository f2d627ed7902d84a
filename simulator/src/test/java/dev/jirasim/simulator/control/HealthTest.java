package dev.jirasim.simulator.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.common.Version;
import dev.jirasim.simulator.server.SimulatorServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** GET /__admin/health: what build plugins and container probes wait on. */
class HealthTest {
    @Test
    void aStartedSimulatorIsReadyAndSaysItsVersion() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            given().baseUri(sim.baseUrl()).get("/__admin/health").then().statusCode(200).header("Cache-Control", "no-store")
                    .body("status", equalTo("ready")).body("version", equalTo(Version.current()));
            given().baseUri(sim.baseUrl()).get("/").then().statusCode(200).body("version", equalTo(Version.current()));
        }
    }

    @Test
    void beforeTheWorldIsLoadedItAnswers503WithoutWaitingForIt() {
        // A world that never arrives: the probe must answer at once, not block on it as other routes do.
        var never = new CompletableFuture<dev.jirasim.simulator.tenant.Tenants>();
        var server = new SimulatorServer(new SimulatorServer.Binding("127.0.0.1", 0, null, false), never::join, never::isDone).start();
        try {
            given().baseUri("http://127.0.0.1:" + server.port()).get("/__admin/health").then().statusCode(503)
                    .body("status", equalTo("starting"));
        } finally {
            server.stop();
        }
    }

    @Test
    void theProbeNeedsNoAdminTokenButTheRestOfTheControlApiStillDoes() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().adminToken(AdminProtectionTest.TOKEN).build())) {
            given().baseUri(sim.baseUrl()).get("/__admin/health").then().statusCode(200).body("status", equalTo("ready"));
            given().baseUri(sim.baseUrl()).get("/__admin/healthz").then().statusCode(401);
            given().baseUri(sim.baseUrl()).get("/__admin/clock").then().statusCode(401);
        }
    }

    @Test
    void withoutAControlApiThereIsNoProbeEither() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().noAdmin(true).build())) {
            given().baseUri(sim.baseUrl()).get("/__admin/health").then().statusCode(404).body("error", equalTo("not_found"));
        }
    }
}
