package dev.jirasim.simulator.faults;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SimulatorExtension.class)
class FaultsAdminHttpTest {
    private JirasimServer sim;
    private OAuth oauth;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        this.oauth = new OAuth(sim);
    }

    private Response post(String json) {
        return oauth.http().contentType("application/json").body(json).post("/__admin/faults");
    }

    @Test
    void oneRuleOrAListIsAnsweredWithIds() {
        post("{\"path\": \"/api/me\", \"status\": 503}").then().statusCode(201)
                .body("faults", hasSize(1)).body("faults[0].id", equalTo("fault-1"))
                .body("faults[0].path", equalTo("/api/me")).body("faults[0].status", equalTo(503)).body("faults[0].hits", equalTo(0));
        post("[{\"path\": \"/auth/**\", \"delayMs\": 10}, {\"path\": \"/api/**\", \"rateLimit\": {\"capacity\": 2, \"refillPerSecond\": 0.1}}]")
                .then().statusCode(201).body("faults.id", equalTo(List.of("fault-2", "fault-3")))
                .body("faults[1].rateLimit.capacity", equalTo(2)).body("faults[1].rateLimit.refillPerSecond", equalTo(0.1f));
        oauth.http().get("/__admin/faults").then().statusCode(200).body("faults.id", equalTo(List.of("fault-1", "fault-2", "fault-3")));
    }

    @Test
    void faultsCanBeReadAndDeletedOneByOneOrAll() {
        post("[{\"path\": \"/api/me\", \"status\": 503}, {\"path\": \"/api/**\", \"status\": 500}]").then().statusCode(201);
        oauth.http().get("/__admin/faults/fault-2").then().statusCode(200).body("status", equalTo(500));
        oauth.http().delete("/__admin/faults/fault-1").then().statusCode(204);
        oauth.http().get("/__admin/faults").then().body("faults.id", equalTo(List.of("fault-2")));
        oauth.http().get("/api/me").then().statusCode(500);
        oauth.http().delete("/__admin/faults/fault-1").then().statusCode(404)
                .body("error", equalTo("not_found")).body("message", equalTo("No such fault: fault-1"));
        oauth.http().get("/__admin/faults/nope").then().statusCode(404);
        oauth.http().delete("/__admin/faults").then().statusCode(204);
        oauth.http().get("/__admin/faults").then().body("faults", hasSize(0));
        oauth.http().get("/api/me").then().statusCode(401);
        post("{\"path\": \"/api/me\", \"status\": 503}").then().body("faults[0].id", equalTo("fault-3"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"status": 503}                                              | 'path' is required
            {"path": "api/me", "status": 503}                            | must start with /
            {"path": "/api/***", "status": 503}                          | contains ***
            {"path": "/api/**x", "status": 503}                          | ** must be a whole segment
            {"path": "/api/{cloudId}/x", "status": 503}                  | use * for one path segment
            {"path": "/api/me?x=1", "status": 503}                       | without query
            {"path": "/api/me", "status": 700}                           | 'status' must be between 100 and 599, got 700
            {"path": "/api/me", "status": 99}                            | 'status' must be between 100 and 599, got 99
            {"path": "/api/me", "status": "503"}                         | 'status' must be a whole number
            {"path": "/api/me", "delayMs": -1}                           | 'delayMs' must be zero or more, got -1
            {"path": "/api/me", "delayMs": 600000}                       | 'delayMs' must be at most 60000
            {"path": "/api/me", "delayMs": 1.5}                          | 'delayMs' must be a whole number of milliseconds
            {"path": "/api/me", "status": 503, "times": 0}               | 'times' must be 1 or more
            {"path": "/api/me", "status": 503, "color": "red"}           | unknown key 'color'; a fault rule has method, path, status
            {"path": "/api/me", "method": "FETCH", "status": 503}        | 'method' must be one of GET, POST
            {"path": "/api/me", "method": 1, "status": 503}              | 'method' must be a string
            {"path": "/api/me"}                                          | a rule needs 'status', 'delayMs' or 'rateLimit'
            {"path": "/api/me", "body": {"a": 1}}                        | 'body' needs 'status'
            {"path": "/api/me", "status": 503, "headers": ["x"]}         | 'headers' must be an object
            {"path": "/api/me", "status": 503, "headers": {"Bad Name": "x"}} | header name 'Bad Name' is not a valid HTTP header name
            {"path": "/api/me", "status": 503, "headers": {"X": {"a": 1}}}   | header X must have a string or number value
            {"path": "/api/me", "status": 503, "headers": {"Content-Length": "3"}} | header Content-Length is set by the server
            {"path": "/api/me", "status": 429, "rateLimit": {"capacity": 1, "refillPerSecond": 1}} | 'status' or 'rateLimit', not both
            {"path": "/api/me", "times": 1, "rateLimit": {"capacity": 1, "refillPerSecond": 1}}   | 'times' does not combine with 'rateLimit'
            {"path": "/api/me", "rateLimit": {"capacity": 0, "refillPerSecond": 1}}               | capacity must be 1 or more
            {"path": "/api/me", "rateLimit": {"capacity": 1, "refillPerSecond": 0}}               | refillPerSecond must be a positive number
            {"path": "/api/me", "rateLimit": {"capacity": 1}}                                     | 'rateLimit' needs 'refillPerSecond'
            {"path": "/api/me", "rateLimit": {"capacity": 1, "refillPerSecond": 1, "burst": 2}}   | unknown key 'rateLimit.burst'
            {"path": "/api/me", "rateLimit": {"capacity": 1, "refillPerSecond": 1, "scope": "perSite"}} | no 'scope'
            [{"path": "/api/me", "status": 503}, {"path": "/api/me", "status": 1000}] | rule 2: 'status' must be between 100 and 599, got 1000
            []                                                           | The list of fault rules is empty.
            [1]                                                          | rule 1: a fault rule is a JSON object
            "503"                                                        | Send a fault rule (a JSON object) or a list of them
            {"path": "/api/me", "status": 503                            | Unexpected end-of-input
            """)
    void invalidRulesAreRefusedWithAClearMessage(String json, String message) {
        post(json).then().statusCode(400).body("status", equalTo(400)).body("error", equalTo("bad_request"))
                .body("message", containsString(message)).body("message", not(containsString("java.")));
    }

    @Test
    void aRefusedListInstallsNothing() {
        post("[{\"path\": \"/api/me\", \"status\": 503}, {\"path\": \"/api/me\", \"status\": 1000}]").then().statusCode(400);
        post("").then().statusCode(400).body("message", equalTo("Send a JSON object as the body."));
        oauth.http().get("/__admin/faults").then().body("faults", hasSize(0));
        oauth.http().get("/api/me").then().statusCode(401);
    }

    @Test
    void theJavaApiValidatesWhenARuleIsBuilt() {
        var e = assertThrows(IllegalArgumentException.class, () -> FaultRule.on("/api/me").status(42).build());
        assertTrue(e.getMessage().contains("'status' must be between 100 and 599"));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.on("api").status(500).build());
        assertThrows(IllegalArgumentException.class, () -> FaultRule.on("/api").build());
        assertTrue(sim.control().faults().isEmpty());
    }
}
