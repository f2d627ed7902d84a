package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.world.World;

/**
 * One request's view of Nango: the tenant's world, the base URL browsers see ({@code publicBase}), the base URL
 * the simulator reaches itself on ({@code internalBase}), and the HTTP client for provider calls.
 */
public record NangoContext(World world, String publicBase, String internalBase, Upstream upstream) {

    /** Where a provider's real URL lives in the simulator. */
    String authorizeUrl(String provider, java.util.Map<String, Object> config) {
        return provider.equals("jira") ? publicBase + "/auth/authorize" : dcBase(publicBase, config) + "/rest/oauth2/latest/authorize";
    }

    String tokenUrl(String provider, java.util.Map<String, Object> config) {
        return provider.equals("jira") ? internalBase + "/auth/oauth/token" : dcBase(internalBase, config) + "/rest/oauth2/latest/token";
    }

    /** The provider's {@code proxy.base_url}: {@code https://api.atlassian.com}, or DC's {@code https://${endpointURL}/rest/api/latest}. */
    String proxyBase(String provider, java.util.Map<String, Object> config) {
        return provider.equals("jira") ? internalBase + "/api" : dcBase(internalBase, config) + "/rest/api/latest";
    }

    /**
     * Nango hard-codes {@code https://} before a DC {@code endpointURL}; the simulator serves plain HTTP, so the
     * scheme of its own base URL takes that place (docs/nango.md).
     */
    private static String dcBase(String base, java.util.Map<String, Object> config) {
        Object endpoint = config.get("endpointURL");
        String scheme = base.substring(0, base.indexOf("://"));
        return scheme + "://" + (endpoint == null ? "" : endpoint.toString().replaceAll("/+$", ""));
    }

    java.time.Instant now() {
        return world.clock().now();
    }
}
