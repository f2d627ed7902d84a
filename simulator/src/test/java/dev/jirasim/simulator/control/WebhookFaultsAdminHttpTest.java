package dev.jirasim.simulator.control;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /__admin/webhooks/faults} over HTTP: what it accepts, lists and refuses. */
@ExtendWith(SimulatorExtension.class)
class WebhookFaultsAdminHttpTest {

    private static RequestSpecification admin(JirasimServer sim) {
        return given().baseUri(sim.baseUrl()).basePath("/__admin/webhooks/faults").contentType("application/json");
    }

    @Test
    void faultsAreAddedListedAndCleared(JirasimServer sim) {
        admin(sim).body("{\"kind\":\"delay\",\"seconds\":90,\"url\":\"http://127.0.0.1:9/hooks\",\"times\":2}").post()
                .then().statusCode(201).body("kind", equalTo("delay")).body("seconds", equalTo(90)).body("times", equalTo(2))
                .body("id", equalTo("wf-1"));
        admin(sim).body("{\"kind\":\"REORDER\"}").post().then().statusCode(201).body("kind", equalTo("reorder"));
        admin(sim).get().then().statusCode(200).body("faults", hasSize(2)).body("faults[1].url", equalTo(null));
        admin(sim).delete().then().statusCode(204);
        admin(sim).get().then().statusCode(200).body("faults", hasSize(0));
    }

    @Test
    void badFaultsAreClear400s(JirasimServer sim) {
        admin(sim).body("{\"kind\":\"delay\"}").post().then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("a delay needs 'seconds' from 1 to 31536000."));
        admin(sim).body("{\"kind\":\"sideways\"}").post().then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("'kind' must be duplicate, delay or reorder, not 'sideways'."));
        admin(sim).body("{\"kind\":\"duplicate\",\"id\":\"mine\"}").post().then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("'id' is given by the simulator."));
        admin(sim).body("{}").post().then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("'kind' is required: duplicate, delay or reorder."));
        admin(sim).body("{\"kind\":\"duplicate\",\"times\":0}").post().then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("'times' must be 1 or more."));
        admin(sim).get().then().statusCode(200).body("faults", hasSize(0));
    }
}
