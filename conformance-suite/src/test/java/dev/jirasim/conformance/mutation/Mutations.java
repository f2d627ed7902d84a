package dev.jirasim.conformance.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.conformance.mutation.MutatingProxy.Exchange;
import dev.jirasim.conformance.mutation.MutatingProxy.Mutation;
import java.util.List;
import java.util.function.UnaryOperator;

/** Plausible but wrong behaviours a careless implementation of these endpoints shows. */
final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mutations() {
    }

    static List<Mutation> all() {
        return List.of(
                Mutation.rewriting("accessible-resources lists a site the user never granted", Mutations::extraSite),
                Mutation.rewriting("refresh returns the same refresh token (no rotation)", Mutations::noRotation),
                Mutation.rewriting("token responses carry no refresh token", e -> json(e, "/auth/oauth/token", 200, n -> {
                    ((ObjectNode) n).remove("refresh_token");
                    return n;
                })),
                new Mutation("the clock cannot be moved", e -> e.path().endsWith("/__admin/clock/advance"), UnaryOperator.identity()),
                Mutation.rewriting("every client error is a plain 400", e -> e.status() > 400 && e.status() < 500 ? e.withStatus(400) : e),
                Mutation.rewriting("error bodies use other codes and texts", Mutations::vagueErrors),
                Mutation.rewriting("expired and revoked tokens are still accepted by the API", e ->
                        e.path().startsWith("/api/") && e.status() == 401 ? e.withStatus(200).withBody("[]") : e),
                Mutation.rewriting("rejected refresh tokens still get new tokens", e ->
                        e.path().equals("/auth/oauth/token") && e.status() == 403
                                ? e.withStatus(200).withBody("{\"access_token\":\"x\",\"refresh_token\":\"y\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"\"}") : e),
                Mutation.rewriting("authorize redirects lose the state", e -> location(e, l -> l.replaceAll("([?&])state=[^&]*&?", "$1").replaceAll("[?&]$", ""))),
                Mutation.rewriting("authorize shows a page instead of redirecting", e ->
                        e.path().endsWith("/auth/authorize") && e.status() == 302
                                ? new Exchange(e.method(), e.path(), e.query(), e.requestBody(), 200, java.util.Map.of("Content-Type", "text/html"), "<html>consent</html>") : e),
                Mutation.rewriting("profiles and success bodies lose members", e ->
                        e.status() == 200 && e.path().startsWith("/api/me") ? e.withBody("{\"account_id\":\"x\"}") : e),
                Mutation.rewriting("attachment uploads skip the XSRF check", e ->
                        e.path().endsWith("/attachments") && e.status() == 403 ? e.withStatus(200).withBody("[]") : e),
                Mutation.rewriting("an issue link shows only on the issue it starts from", Mutations::oneSidedLinks),
                new Mutation("webhook registrations are acknowledged but never kept", Mutations::webhookRegistration,
                        e -> webhookRegistration(e) ? e.withBody("{\"webhookRegistrationResult\":[{\"createdWebhookId\":1}]}") : e),
                // The provider is told all is well, but nothing reaches Nango, so nothing is forwarded.
                new Mutation("Nango acknowledges provider webhooks and forwards nothing", e -> e.path().contains("/nango/webhook/"),
                        e -> e.path().contains("/nango/webhook/") ? e.withBody("{\"status\":\"success\"}") : e));
    }

    private static boolean webhookRegistration(Exchange e) {
        return e.method().equals("POST") && e.path().endsWith("/rest/api/3/webhook");
    }

    private static Exchange extraSite(Exchange e) {
        return json(e, "/api/oauth/token/accessible-resources", 200, n -> {
            ObjectNode extra = ((ArrayNode) n).addObject();
            extra.put("id", "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9");
            extra.put("url", "https://initech.atlassian.net");
            extra.put("name", "initech");
            extra.putArray("scopes").add("read:jira-work");
            extra.put("avatarUrl", "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png");
            return n;
        });
    }

    private static Exchange noRotation(Exchange e) {
        if (!e.requestBody().contains("refresh_token") || !e.path().equals("/auth/oauth/token") || e.status() != 200) return e;
        String presented = null;
        try {
            JsonNode req = JSON.readTree(e.requestBody());
            presented = req.path("refresh_token").asText(null);
        } catch (Exception notJson) {
            for (String pair : e.requestBody().split("&")) {
                if (pair.startsWith("refresh_token=")) presented = java.net.URLDecoder.decode(pair.substring(14), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (presented == null) return e;
        String same = presented;
        return json(e, "/auth/oauth/token", 200, n -> ((ObjectNode) n).put("refresh_token", same));
    }

    private static Exchange vagueErrors(Exchange e) {
        if (e.status() < 400) return e;
        try {
            JsonNode n = JSON.readTree(e.body());
            if (n instanceof ObjectNode o) {
                if (o.has("error")) o.put("error", "error");
                if (o.has("error_description")) o.put("error_description", "Something went wrong");
                if (o.has("message")) o.put("message", "Something went wrong");
                if (o.has("code")) o.put("code", 400);
                return e.withBody(JSON.writeValueAsString(o));
            }
        } catch (Exception notJson) {
            return e.withBody("<html><body>Something went wrong</body></html>");
        }
        return e;
    }

    /** Drops the links an issue holds as the inward end from its issuelinks field. */
    private static Exchange oneSidedLinks(Exchange e) {
        if (!e.method().equals("GET") || e.status() != 200 || !e.path().matches(".*/rest/api/[23]/issue/[^/]+")) return e;
        try {
            JsonNode n = JSON.readTree(e.body());
            if (!(n.path("fields").path("issuelinks") instanceof ArrayNode links)) return e;
            for (int i = links.size() - 1; i >= 0; i--) if (links.get(i).has("inwardIssue")) links.remove(i);
            return e.withBody(JSON.writeValueAsString(n));
        } catch (Exception notJson) {
            return e;
        }
    }

    private static Exchange location(Exchange e, UnaryOperator<String> change) {
        String location = e.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Location"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        if (location == null) return e;
        var headers = new java.util.LinkedHashMap<>(e.headers());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("Location"));
        headers.put("Location", change.apply(location));
        return new Exchange(e.method(), e.path(), e.query(), e.requestBody(), e.status(), headers, e.body());
    }

    private static Exchange json(Exchange e, String path, int status, UnaryOperator<JsonNode> change) {
        if (!e.path().equals(path) || e.status() != status) return e;
        try {
            return e.withBody(JSON.writeValueAsString(change.apply(JSON.readTree(e.body()))));
        } catch (Exception notJson) {
            return e;
        }
    }
}
