package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.webhooks.Signatures;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nango's {@code jiraWebhookRouting} (reference webhooks.md B.5): when the integration has a webhook secret, the
 * {@code X-Hub-Signature} must be {@code sha256=} + the hex HMAC of the raw body; then the connections are those whose
 * {@code connection_config.baseUrl} equals the origin of the first {@code self} link the event carries (its issue,
 * comment, sprint, … user). A site served under this simulator's own URL ({@code cloud.siteUrls: local}) has a
 * path in its base URL, so no origin equals it and such events are forwarded unmatched, as Nango would.
 */
final class JiraWebhookRouting {
    /** Where Nango looks for a {@code self} link, in its order. */
    private static final List<String> CARRIERS = List.of("issue", "comment", "sprint", "board", "worklog", "version", "issueLink", "project",
            "attachment", "issuetype", "filter", "user");

    private JiraWebhookRouting() {
    }

    static List<Connection> route(NangoStore store, Integration integration, Map<String, String> headers, String rawBody, JsonNode body) {
        String secret = integration.webhookSecret();
        if (secret != null && !secret.isEmpty()) {
            String signature = headers.get("x-hub-signature");
            // Nango's own error shape for these two: {"error": "<message>"} with its NangoError status.
            if (signature == null) throw Problem.withBody(401, "Missing webhook signature", Map.of("error", "Missing webhook signature"));
            String expected = "sha256=" + Signatures.hmacSha256Hex(secret, rawBody);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
                throw Problem.withBody(401, "Invalid webhook signature", Map.of("error", "Invalid webhook signature"));
            }
        }
        String origin = origin(body);
        if (origin == null) return List.of();
        return store.connections().stream()
                .filter(c -> c.integration().equals(integration.uniqueKey()) && origin.equals(c.connectionConfig().get("baseUrl")))
                .toList();
    }

    /** The origin of the first truthy {@code self} among the carriers, as JavaScript's {@code new URL(self).origin}; null when none. */
    static String origin(JsonNode body) {
        if (body == null || !body.isObject()) return null;
        for (String carrier : CARRIERS) {
            JsonNode self = body.path(carrier).path("self");
            if (truthy(self)) return self.isTextual() ? origin(self.textValue()) : null;
        }
        return null;
    }

    private static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) return false;
        if (v.isTextual()) return !v.textValue().isEmpty();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.doubleValue() != 0;
        return true;
    }

    private static String origin(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || scheme == null) return null;
            // Only special schemes have a tuple origin; for the rest URL.origin is the string "null".
            if (!scheme.equals("http") && !scheme.equals("https")) return "null";
            int port = uri.getPort();
            boolean standard = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
