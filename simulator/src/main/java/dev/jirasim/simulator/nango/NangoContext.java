package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.world.World;

/**
 * One request's view of Nango: the tenant's world, the base URL browsers see ({@code publicBase}), the base URL
 * the simulator reaches itself on ({@code internalBase}), the HTTP client for provider calls, and the tenant's
 * outgoing webhooks ({@code webhooks}; null where nothing may be sent). Where each provider lives under these bases
 * is {@link NangoProvider}'s.
 */
public record NangoContext(World world, String publicBase, String internalBase, Upstream upstream, Deliveries webhooks) {

    /** Nango's OAuth callback, which every provider redirects the browser back to. */
    String callbackUrl() {
        return publicBase + "/nango/oauth/callback";
    }

    java.time.Instant now() {
        return world.clock().now();
    }
}
