package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.support.NodeSuite;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with a published Jira Cloud client: runs the {@code node:test} suite in {@code compat/jira-js},
 * which drives the gateway's Jira REST API with the pinned {@code jira.js} release, configured as its users do
 * ({@code host} = the gateway base for a cloudId, an OAuth 2.0 access token). The tokens are minted here, headlessly.
 * Skipped, with a message, where {@code node} is not on the PATH or jira.js is not installed
 * ({@code npm ci --prefix compat/jira-js}; {@code .ci/run} does it when npm is available).
 */
@ExtendWith(SimulatorExtension.class)
class JiraJsCompatTest {

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
        suite.run(env);
    }
}
