package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.RateLimit;
import dev.jirasim.simulator.world.WorldFile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A world with a Jira budget: 429 with the real headers once spent, refilled as the clock advances. */
@ExtendWith(SimulatorExtension.class)
class JiraRateLimitHttpTest {

    @Test
    void theBudgetRunsOutAndRefillsWithTheClock(JirasimServer sim) {
        WorldFile w = sim.control().exportWorld();
        sim.control().replaceWorld(new WorldFile(w.version(), w.auth(),
                w.jira().withRateLimit(new RateLimit(3, 0.5, RateLimit.Scope.PER_USER_APP)),
                w.sites(), w.users(), w.apps(), w.consent(), w.projects(), null, w.issues(), w.tokens()));
        sim.control().setClock(null, true);
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/myself").then().statusCode(200).header("X-RateLimit-Limit", "3").header("X-RateLimit-Remaining", "2");
        alice.acme(3).get("/myself").then().statusCode(200);
        alice.acme(3).get("/myself").then().statusCode(200).header("X-RateLimit-NearLimit", "true");
        alice.acme(3).get("/issue/ACME-1").then().statusCode(429)
                .header("Retry-After", "2").header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ"))
                .header("RateLimit-Reason", "jira-burst-based")
                .body("errorMessages[0]", equalTo("Rate limit exceeded.")).body("errors.size()", equalTo(0));
        sim.control().advanceClock(Duration.ofSeconds(2));
        alice.acme(3).get("/issue/ACME-1").then().statusCode(200);
        // Requests the gateway refuses do not spend the budget.
        Jira.as(sim, "bob@acme.test", java.util.List.of("acme"), "read:jira-user").acme(3).get("/issue/ACME-1")
                .then().statusCode(401).header("Retry-After", nullValue());
    }
}
