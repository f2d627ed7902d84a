package dev.jirasim.simulator.control;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** {@code /__admin/users/{user}/api-tokens} and {@code /__admin/dc/{id}/users/{username}/password} on the wire. */
@ExtendWith(SimulatorExtension.class)
class CredentialAdminHttpTest {
    private static final String TOKENS = "/__admin/users/{user}/api-tokens";
    private JirasimServer sim;

    @BeforeEach
    void setUp(JirasimServer sim) {
        this.sim = sim;
        sim.control().setClock(Instant.parse("2030-01-01T00:00:00Z"), true);
    }

    private RequestSpecification http() {
        return RestAssured.given().baseUri(sim.baseUrl()).contentType("application/json");
    }

    private Response create(String user, String json) {
        return http().body(json).post(TOKENS, user);
    }

    @Test
    void aTokenIsCreatedWith201AndItsValueShownOnce() {
        create("alice@acme.test", "{\"label\":\"ci\",\"expiresInDays\":30}").then().statusCode(201)
                .body("token", matchesPattern("ATATT3xFfGF0[A-Za-z0-9_-]{171}=[0-9A-F]{8}"))
                .body("label", equalTo("ci")).body("created", equalTo("2030-01-01T00:00:00Z"))
                .body("expiresAt", equalTo("2030-01-31T00:00:00Z")).body("revokedAt", nullValue());
        // By account id, with no body at all: every default.
        RestAssured.given().baseUri(sim.baseUrl()).post(TOKENS, "5f8a1c2e4b7d9e0011a2b3c4").then().statusCode(201)
                .body("expiresAt", equalTo("2031-01-01T00:00:00Z")).body("label", nullValue());
        create("alice@acme.test", "{}").then().statusCode(201).body("expiresAt", equalTo("2031-01-01T00:00:00Z"));
        create("alice@acme.test", "{\"expiresInDays\":null}").then().statusCode(201);
    }

    @Test
    void badInputIsA400WithAClearMessage() {
        int held = aliceTokens();
        for (String days : List.of("0", "366", "-3", "30.5", "\"30\"", "true", "99999999999")) {
            create("alice@acme.test", "{\"expiresInDays\":" + days + "}").then().statusCode(400).body("error", equalTo("bad_request"))
                    .body("message", equalTo("'expiresInDays' must be a whole number of days from 1 to 365, not " + days + "."));
        }
        create("alice@acme.test", "{\"lifetime\":30}").then().statusCode(400).body("message", containsString("Unknown field 'lifetime'"));
        create("alice@acme.test", "not json").then().statusCode(400).body("message", not(containsString("java.")));
        create("alice@acme.test", "").then().statusCode(201); // no body: the defaults
        assertEquals(held + 1, aliceTokens(), "the one above; nothing refused was made");
        http().body("{}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(400)
                .body("message", equalTo("Give 'password': a string, or null to remove the password."));
        http().body("{\"password\":\"x\",\"user\":\"jdoe\"}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(400);
        http().body("{\"password\":[\"x\"]}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(400);
        http().body("").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(400);
        assertEquals("jdoe-password", sim.control().exportWorld().dataCenter().get(0).user("jdoe").orElseThrow().password());
    }

    private int aliceTokens() {
        return sim.control().exportWorld().users().stream().filter(u -> u.email().equals("alice@acme.test")).findFirst().orElseThrow()
                .apiTokens().size();
    }

    @Test
    void unknownUsersTokensAndInstancesAre404() {
        create("nobody@x.test", "{}").then().statusCode(404).body("error", equalTo("not_found"))
                .body("message", equalTo("unknown user nobody@x.test"));
        String token = "ATATT3xFfGF0notAToken=00000000";
        http().delete(TOKENS + "/{token}", "alice@acme.test", token).then().statusCode(404)
                .body("message", equalTo("No API token ATAT…(30 chars) of user alice@acme.test."));
        http().delete(TOKENS + "/{token}", "nobody@x.test", token).then().statusCode(404);
        http().body("{\"password\":\"x\"}").put("/__admin/dc/dc9/users/jdoe/password").then().statusCode(404)
                .body("message", equalTo("unknown Data Center instance dc9"));
        http().body("{\"password\":\"x\"}").put("/__admin/dc/dc1/users/ghost/password").then().statusCode(404)
                .body("message", equalTo("DC dc1 has no user ghost"));
    }

    @Test
    void revokeIs204AndThePasswordPutIs204() {
        String token = create("alice@acme.test", "{\"label\":\"gone\"}").then().statusCode(201).extract().path("token");
        http().delete(TOKENS + "/{token}", "alice@acme.test", token).then().statusCode(204);
        site(token).then().statusCode(401);
        http().delete(TOKENS + "/{token}", "alice@acme.test", token).then().statusCode(204); // known, revoked already

        http().body("{\"password\":\"s3cond\"}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(204);
        RestAssured.given().baseUri(sim.baseUrl()).auth().preemptive().basic("jdoe", "s3cond").get("/dc/dc1/rest/api/2/myself")
                .then().statusCode(200).header("X-AUSERNAME", "jdoe");
        http().body("{\"password\":null}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(204);
        RestAssured.given().baseUri(sim.baseUrl()).auth().preemptive().basic("jdoe", "s3cond").get("/dc/dc1/rest/api/2/myself")
                .then().statusCode(401);
    }

    private Response site(String token) {
        return RestAssured.given().baseUri(sim.baseUrl()).auth().preemptive().basic("alice@acme.test", token)
                .get("/site/acme/rest/api/3/myself");
    }

    @Test
    void theRequestLogNeverShowsATokenOrPasswordInFull() {
        Logger logger = (Logger) LoggerFactory.getLogger("jirasim.requests");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        var exchanges = new ArrayList<ControlExchange>();
        String token;
        try {
            token = create("alice@acme.test", "{}").then().statusCode(201).extract().path("token");
            http().delete(TOKENS + "/{token}", "alice@acme.test", token).then().statusCode(204);
            http().body("{\"password\":\"do-not-log-me\"}").put("/__admin/dc/dc1/users/jdoe/password").then().statusCode(204);
            // The Java client over HTTP: its exchanges and messages show the URL masked too.
            var control = HttpSimulatorControl.of(sim.adminUrl()).observedBy(exchanges::add);
            assertTrue(control.revokeApiToken("alice@acme.test", token));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(1).matches("DELETE /__admin/users/alice%40acme.test/api-tokens/ATAT…\\(19\\d chars\\) 204 .*"), lines.get(1));
        for (String line : lines) {
            assertFalse(line.contains(token.substring(0, 20)), line);
            assertFalse(line.contains("do-not-log-me"), line);
        }
        assertEquals(1, exchanges.size());
        assertFalse(exchanges.get(0).url().contains(token.substring(0, 20)), exchanges.get(0).url());
        assertTrue(exchanges.get(0).url().contains("/api-tokens/ATAT…("), exchanges.get(0).url());
    }
}
