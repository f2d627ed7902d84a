package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import java.util.List;
import java.util.Map;

/**
 * How Nango talks to each provider a world may name ({@link dev.jirasim.simulator.world.NangoSettings.Provider}):
 * where its authorize and token endpoints and its {@code proxy.base_url} live in the simulator, what its
 * authorize URL adds, what a connection must configure, and what runs once a connection is made. Every
 * difference between providers in this package sits here.
 */
enum NangoProvider {
    /** Atlassian Cloud 3LO (reference nango.md §2). */
    JIRA {
        @Override
        String authorizeUrl(NangoContext ctx, Map<String, Object> config) {
            return ctx.publicBase() + "/auth/authorize";
        }

        @Override
        String tokenUrl(NangoContext ctx, Map<String, Object> config) {
            return ctx.internalBase() + "/auth/oauth/token";
        }

        /** {@code https://api.atlassian.com}. */
        @Override
        String proxyBase(NangoContext ctx, Map<String, Object> config) {
            return ctx.internalBase() + "/api";
        }

        @Override
        void addAuthorizeParams(Map<String, String> params) {
            params.put("audience", "api.atlassian.com");
            params.put("prompt", "consent");
        }

        @Override
        void afterConnect(NangoContext ctx, String integration, String connectionId, String accessToken) {
            JiraPostConnection.run(ctx, integration, connectionId, accessToken);
        }

        @Override
        boolean routesWebhooks() {
            return true;
        }

        @Override
        List<Connection> webhookConnections(NangoContext ctx, Integration integration, Map<String, String> headers, String rawBody,
                                            com.fasterxml.jackson.databind.JsonNode body) {
            return JiraWebhookRouting.route(ctx.world().nango(), integration, headers, rawBody, body);
        }
    },

    /** Jira Data Center's OAuth 2.0 provider on the host the connection's {@code endpointURL} names. */
    JIRA_DATA_CENTER {
        @Override
        String authorizeUrl(NangoContext ctx, Map<String, Object> config) {
            return dcBase(ctx.publicBase(), config) + "/rest/oauth2/latest/authorize";
        }

        @Override
        String tokenUrl(NangoContext ctx, Map<String, Object> config) {
            return dcBase(ctx.internalBase(), config) + "/rest/oauth2/latest/token";
        }

        /** {@code https://${endpointURL}/rest/api/latest}. */
        @Override
        String proxyBase(NangoContext ctx, Map<String, Object> config) {
            return dcBase(ctx.internalBase(), config) + "/rest/api/latest";
        }

        @Override
        void addAuthorizeParams(Map<String, String> params) {
            params.put("grant_type", "authorization_code");
        }

        @Override
        void requireConfig(Map<String, Object> config) {
            if (config.get("endpointURL") == null) {
                throw NangoErrors.of(400, "missing_connection_config_param", "Missing connection config param 'endpointURL'.");
            }
        }
    };

    static NangoProvider of(Integration integration) {
        return switch (integration.kind()) {
            case JIRA -> JIRA;
            case JIRA_DATA_CENTER -> JIRA_DATA_CENTER;
        };
    }

    /** Where the provider's real authorize URL lives in the simulator, as a browser reaches it. */
    abstract String authorizeUrl(NangoContext ctx, Map<String, Object> config);

    /** The token endpoint, as the simulator reaches itself. */
    abstract String tokenUrl(NangoContext ctx, Map<String, Object> config);

    /** The provider's {@code proxy.base_url}, as the simulator reaches itself. */
    abstract String proxyBase(NangoContext ctx, Map<String, Object> config);

    /** The provider's own authorization parameters, after the OAuth 2.0 ones. */
    abstract void addAuthorizeParams(Map<String, String> params);

    /** Refuses a connection config the provider cannot work with (Nango's {@code connection_config} checks). */
    void requireConfig(Map<String, Object> config) {
    }

    /** Nango's post-connection script, if the provider has one; it runs after the connection is stored. */
    void afterConnect(NangoContext ctx, String integration, String connectionId, String accessToken) {
    }

    /** Whether Nango has a webhook routing script for the provider; without one it answers 204 and forwards nothing. */
    boolean routesWebhooks() {
        return false;
    }

    /**
     * The routing script: the connections a provider webhook is for (it may refuse the webhook with a
     * {@link dev.jirasim.simulator.common.Problem}). Called only when {@link #routesWebhooks()}; {@code headers} have
     * lower-case names.
     */
    List<Connection> webhookConnections(NangoContext ctx, Integration integration, Map<String, String> headers, String rawBody,
                                        com.fasterxml.jackson.databind.JsonNode body) {
        return List.of();
    }

    /**
     * Nango hard-codes {@code https://} before a DC {@code endpointURL}; the simulator serves plain HTTP, so the
     * scheme of its own base URL takes that place (docs/nango.md).
     */
    private static String dcBase(String base, Map<String, Object> config) {
        Object endpoint = config.get("endpointURL");
        String scheme = base.substring(0, base.indexOf("://"));
        return scheme + "://" + (endpoint == null ? "" : endpoint.toString().replaceAll("/+$", ""));
    }
}
