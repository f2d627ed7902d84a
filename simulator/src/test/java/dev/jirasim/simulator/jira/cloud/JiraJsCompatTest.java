package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.NodeSuite;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with a published Jira Cloud client: runs the {@code node:test} suite in {@code compat/jira-js}
 * with the pinned {@code jira.js} release, configured as its users do, in its two forms: through the gateway
 * ({@code host} = the gateway base for a cloudId, an OAuth 2.0 access token, minted here headlessly) and on the
 * site host ({@code host} = the site URL, HTTP Basic with an e-mail and an API token of the default world).
 * Skipped, with a message, where {@code node} is not on the PATH or jira.js is not installed
 * ({@code npm ci --prefix compat/jira-js}; {@code .ci/run} does it when npm is available).
 */
@ExtendWith(SimulatorExtension.class)
class JiraJsCompatTest {
    private static final String SITE_FILE = "test/site-basic-auth.test.mjs";

    @Test
    void thePublishedJiraJsClientWorksThroughTheGateway(JirasimServer sim) throws Exception {
        NodeSuite suite = NodeSuite.require("jira-js", "jira.js");
        SimulatorControl control = sim.control();
        // The narrow token comes from another app: a grant unions the scopes of every consent to its app, so a
        // narrow consent to jirasim-client would gain the broad one's scopes.
        var env = new HashMap<String, String>();
        env.put("JIRASIM_JIRA_URL", sim.baseUrl() + "/api/ex/jira/" + OAuth.ACME);
        env.put("JIRASIM_TOKEN", control.issueTokens(TokenRequestSpec.forUser(OAuth.ALICE, "acme")).accessToken());
        env.put("JIRASIM_BOB_TOKEN", control.issueTokens(TokenRequestSpec.forUser("bob@acme.test", "acme")).accessToken());
        env.put("JIRASIM_NARROW_TOKEN", control.issueTokens(new TokenRequestSpec(
                "jirasim-private-client", OAuth.ALICE, List.of("acme"), List.of("read:jira-user"))).accessToken());
        env.put("JIRASIM_ADMIN", null); // the suite mints its own tokens when this is set; here they come from above
        env.put("JIRASIM_SITE_URL", null); // the site-host file runs in the test below, on a world of its own
        suite.run(env);
    }

    @Test
    void thePublishedJiraJsClientWorksOnTheSiteHostWithAnApiToken(JirasimServer sim) throws Exception {
        NodeSuite suite = NodeSuite.require("jira-js", "jira.js");
        var env = new HashMap<String, String>();
        // The site URL as the simulator writes it in links (its public URL): the file compares self links in full.
        env.put("JIRASIM_SITE_URL", sim.baseUrl() + "/site/acme");
        env.put("JIRASIM_JIRA_URL", null);
        String output = suite.run(env, SITE_FILE);
        // The file skips itself without JIRASIM_SITE_URL, which node --test counts as a pass: make sure it ran.
        assertEquals(0, count(output, "skipped"), () -> SITE_FILE + " was skipped:\n" + output);
        assertTrue(count(output, "pass") >= 10, () -> SITE_FILE + " ran too few tests:\n" + output);
    }

    /** A total from the spec reporter's summary, e.g. {@code ℹ pass 13}. */
    private static int count(String output, String what) {
        Matcher m = Pattern.compile("(?m)^ℹ " + what + " (\\d+)$").matcher(output);
        assertTrue(m.find(), () -> "no '" + what + "' total in:\n" + output);
        return Integer.parseInt(m.group(1));
    }
}
