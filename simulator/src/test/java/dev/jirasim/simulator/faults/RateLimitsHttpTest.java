package dev.jirasim.simulator.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.Tenant;
import dev.jirasim.simulator.world.WorldFiles;
import io.javalin.Javalin;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimits#before} as the Jira routes will use it, on a bare Javalin app with one dummy route (the
 * simulator's own Jira routes live elsewhere): the world's {@code jira.rateLimit}, a key per caller, Jira's
 * 429 body.
 */
class RateLimitsHttpTest {
    private static final String WORLD = """
            version: 1
            jira:
              rateLimit: {capacity: 2, refillPerSecond: 0.5, scope: perSite}
            """;
    private final Tenant tenant = new Tenant("test", WorldFiles.parse(WORLD, null));
    private Javalin app;

    @BeforeEach
    void start() {
        tenant.clock().freeze();
        tenant.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.before(RateLimits.before("/api/ex/jira/**", ctx -> tenant.jiraRateLimiter(),
                    ctx -> ctx.header("X-Site") == null ? null : tenant.jiraRateLimiter().orElseThrow()
                            .keyFor(ctx.header("X-Account"), "client", ctx.header("X-Site"))));
            c.routes.get("/api/ex/jira/{cloudId}/rest/api/3/myself", ctx -> ctx.json(Map.of("ok", true)));
            c.routes.get("/api/other", ctx -> ctx.result("free"));
        }).start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private Response call(String account, String site) {
        var spec = given().baseUri("http://127.0.0.1:" + app.port());
        if (account != null) spec.header("X-Account", account);
        if (site != null) spec.header("X-Site", site);
        return spec.get("/api/ex/jira/" + (site == null ? "none" : site) + "/rest/api/3/myself");
    }

    @Test
    void callersOfOneSiteShareABucketAndGetJirasErrorShape() {
        call("alice", "acme").then().statusCode(200).header("X-RateLimit-Limit", "2").header("X-RateLimit-Remaining", "1");
        call("bob", "acme").then().statusCode(200).header("X-RateLimit-Remaining", "0").header("X-RateLimit-NearLimit", "true");
        call("alice", "acme").then().statusCode(429)
                .header("Retry-After", "2").header("X-RateLimit-Reset", "2030-01-01T00:00Z")
                .header("RateLimit-Reason", "jira-burst-based")
                .body("errorMessages", equalTo(List.of("Rate limit exceeded."))).body("errors", equalTo(Map.of()));
        call("alice", "globex").then().statusCode(200);
        tenant.clock().advance(Duration.ofSeconds(2));
        call("alice", "acme").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void requestsWithoutAKeyOrOutsideTheGlobAreNotLimited() {
        for (int i = 0; i < 5; i++) {
            call(null, null).then().statusCode(200);
            given().baseUri("http://127.0.0.1:" + app.port()).get("/api/other").then().statusCode(200);
        }
    }

    @Test
    void noRateLimitInTheWorldMeansNoLimiter() {
        tenant.replace(WorldFiles.parse("version: 1\n", null));
        for (int i = 0; i < 5; i++) {
            Response r = call("alice", "acme");
            assertEquals(200, r.statusCode());
            assertEquals(null, r.header("X-RateLimit-Limit"));
        }
    }

    @Test
    void replacingTheWorldFillsTheBuckets() {
        call("alice", "acme");
        call("alice", "acme");
        call("alice", "acme").then().statusCode(429);
        tenant.replace(WorldFiles.parse(WORLD, null));
        call("alice", "acme").then().statusCode(200);
    }
}
