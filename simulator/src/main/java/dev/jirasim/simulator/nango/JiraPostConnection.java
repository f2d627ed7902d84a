package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Nango's {@code jiraPostConnection} (reference nango.md §2): list accessible-resources with the new token,
 * pick the site (the first host label of its url equal to the configured subdomain, else a name containing
 * it, else the first site; an unknown subdomain is no error), ask that site for {@code /myself}, and merge
 * {@code cloudId}, {@code baseUrl} and {@code accountId} into the connection config. Failures are swallowed:
 * the connection stands without them, as in Nango.
 */
final class JiraPostConnection {
    private JiraPostConnection() {
    }

    static void run(NangoContext ctx, String integration, String connectionId, String accessToken) {
        NangoStore store = ctx.world().nango();
        Connection connection = store.connection(integration, connectionId).orElse(null);
        if (connection == null) return;
        String api = NangoProvider.JIRA.proxyBase(ctx, connection.connectionConfig());
        JsonNode sites = get(ctx, api + "/oauth/token/accessible-resources", accessToken);
        if (sites == null || !sites.isArray() || sites.isEmpty() || !sites.get(0).hasNonNull("id")) return;
        JsonNode chosen = sites.get(0);
        Object wanted = connection.connectionConfig().get("subdomain");
        if (wanted instanceof String sub && !sub.isEmpty()) {
            String s = sub.toLowerCase(Locale.ROOT);
            JsonNode exact = null;
            JsonNode partial = null;
            for (JsonNode site : sites) {
                if (exact == null && firstLabel(site.path("url").asText()).equals(s)) exact = site;
                if (partial == null && site.path("name").asText().toLowerCase(Locale.ROOT).contains(s)) partial = site;
            }
            chosen = exact != null ? exact : partial != null ? partial : chosen;
        }
        String cloudId = chosen.path("id").asText();
        boolean confluence = false;
        for (JsonNode scope : chosen.path("scopes")) confluence |= scope.asText().contains("confluence");
        String path = confluence ? "/ex/confluence/" + cloudId + "/wiki/rest/api/user/current" : "/ex/jira/" + cloudId + "/rest/api/3/myself";
        JsonNode me = get(ctx, api + path, accessToken);
        var config = new LinkedHashMap<String, Object>(connection.connectionConfig());
        config.put("cloudId", cloudId);
        config.put("baseUrl", chosen.path("url").asText());
        if (me != null && me.hasNonNull("accountId")) config.put("accountId", me.get("accountId").asText());
        store.update(connection.withConfig(config, ctx.now()));
    }

    /** The text after the scheme up to the first '.' or '/', lower-cased. */
    static String firstLabel(String url) {
        String rest = url.replaceFirst("^https?://", "");
        int end = rest.length();
        for (char c : new char[] {'.', '/'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static JsonNode get(NangoContext ctx, String url, String token) {
        try {
            Upstream.Answer a = ctx.upstream().send("GET", url, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"), null);
            return a.status() == 200 ? Json.MAPPER.readTree(a.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
