package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.NodeSuite;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.tenant.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compatibility with the published Nango client: runs the {@code node:test} suite in {@code compat/nango-node},
 * which drives the simulated Nango API with the pinned {@code @nangohq/node} release, against a tenant of its own.
 * Skipped, with a message, where {@code node} is not on the PATH or the SDK is not installed
 * ({@code npm ci --prefix compat/nango-node}; {@code .ci/run} does it when npm is available).
 */
@ExtendWith(SimulatorExtension.class)
class NangoNodeSdkCompatTest {
    /** The default world's Nango secret key. */
    private static final String SECRET_KEY = "c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c";

    @Test
    void thePublishedNodeSdkWorksAgainstTheSimulator(JirasimServer sim) throws Exception {
        NodeSuite suite = NodeSuite.require("nango-node", "@nangohq/node");
        Tenant tenant = sim.createTenant(null);
        try {
            String base = sim.baseUrl(tenant.id());
            suite.run(Map.of("NANGO_HOST", base + "/nango", "NANGO_SECRET_KEY", SECRET_KEY, "JIRASIM_ADMIN", base + "/__admin"), "test/sdk.test.mjs");
        } finally {
            sim.removeTenant(tenant.id());
        }
    }

    /**
     * The SDK's own webhook checks ({@code verifyIncomingWebhookRequest}, {@code verifyWebhookSignature}) accept what the
     * simulator delivers and refuse a tampered copy; a tenant of its own, since the suite sets the webhook URL.
     */
    @Test
    void thePublishedNodeSdkVerifiesTheSimulatorsWebhooks(JirasimServer sim) throws Exception {
        NodeSuite suite = NodeSuite.require("nango-node", "@nangohq/node");
        Tenant tenant = sim.createTenant(null);
        try {
            String base = sim.baseUrl(tenant.id());
            suite.run(Map.of("NANGO_HOST", base + "/nango", "NANGO_SECRET_KEY", SECRET_KEY, "JIRASIM_ADMIN", base + "/__admin"),
                    "test/webhooks.test.mjs");
        } finally {
            sim.removeTenant(tenant.id());
        }
    }
}
