package dev.jirasim.simulator.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.tenant.Tenants;
import org.junit.jupiter.api.Test;

/** The control API is loopback-only unless protected by a token; with one, nothing reaches it without the token. */
class AdminProtectionTest {
    static final String TOKEN = "a-long-enough-admin-token-1234";

    @Test
    void offLoopbackWithoutATokenTheServerRefusesToStart() {
        var e = assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().host("0.0.0.0").randomPort().build());
        assertTrue(e.getMessage().contains("--admin-token"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimulatorConfig.builder().host("0.0.0.0").adminToken("short").build());
        SimulatorConfig.builder().host("127.0.0.1").build();
        SimulatorConfig.builder().host("localhost").build();
        SimulatorConfig.builder().host("0.0.0.0").adminToken(TOKEN).build();
    }

    @Test
    void withATokenEveryControlRequestMustCarryIt() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().adminToken(TOKEN).build())) {
            given().baseUri(sim.baseUrl()).get("/__admin/clock").then().statusCode(401).body("error", equalTo("unauthorized"));
            given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + TOKEN + "x").get("/__admin/clock").then().statusCode(401);
            given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + TOKEN).get("/__admin/clock").then().statusCode(200);
            // Tenants' control APIs too.
            String id = sim.createTenant("guarded").id();
            given().baseUri(sim.baseUrl(id)).post("/__admin/reset").then().statusCode(401);
            given().baseUri(sim.baseUrl(id)).header("Authorization", "Bearer " + TOKEN).post("/__admin/reset").then().statusCode(204);
            // The emulated services are not affected, and the Java API needs no token.
            given().baseUri(sim.baseUrl()).get("/api/me").then().statusCode(401).body("message", equalTo("Unauthorized"));
            assertEquals(0, sim.control().journal().stream().filter(e -> e.path().startsWith("/__admin")).count());
        }
    }

    @Test
    void withNoAdminThereIsNoControlApiOverHttpButTheServicesAndTheJavaApiWork() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().noAdmin(true).build())) {
            for (String path : new String[] {"/__admin/clock", "/__admin/world", "/__admin/tenants"}) {
                given().baseUri(sim.baseUrl()).header("Authorization", "Bearer " + TOKEN).get(path).then().statusCode(404)
                        .body("error", equalTo("not_found"));
            }
            given().baseUri(sim.baseUrl()).post("/__admin/reset").then().statusCode(404);
            String id = sim.createTenant("hidden").id();
            given().baseUri(sim.baseUrl(id)).post("/__admin/reset").then().statusCode(404);
            given().baseUri(sim.baseUrl()).get("/api/me").then().statusCode(401).body("message", equalTo("Unauthorized"));
            assertTrue(sim.control().journal().stream().anyMatch(e -> e.path().equals("/api/me")), "the Java API still works");
        }
        // Off loopback no token is needed when there is no control API to protect.
        SimulatorConfig.builder().host("0.0.0.0").noAdmin(true).build();
    }
}
