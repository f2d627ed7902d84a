package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nango's public webhook endpoint, {@code POST /webhook/{environmentUuid}/{providerConfigKey}} (reference webhooks.md
 * B.5): where a provider sends its webhooks for an integration. Nango checks the route, finds the environment and the
 * integration, lets the provider's routing script find the connections the event is for, answers the provider at
 * once, and forwards the event to the environment's webhook URLs ({@link NangoWebhooks#forward}).
 */
final class WebhookIngress {
    private static final String KEY = "[a-zA-Z0-9~:.@ _-]+";
    /**
     * JSON.parse refuses anything after the value; Jackson ignores it unless told. Made at first use, not while the
     * routes are assembled on the way to a cold start's first answer.
     */
    private static final dev.jirasim.simulator.common.Lazy<com.fasterxml.jackson.databind.ObjectReader> STRICT =
            dev.jirasim.simulator.common.Lazy.of(() -> Json.MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

    /** What the route answers the provider: a status and a JSON body (null: none). */
    record Answer(int status, Object body) {
    }

    private WebhookIngress() {
    }

    /** Whether Nango routes (and so forwards) webhooks for the integration's provider. */
    static boolean routes(Integration integration) {
        return NangoProvider.of(integration).routesWebhooks();
    }

    /** Where the integration's provider webhooks go, as Nango's {@code webhook_url} names it. */
    static String url(NangoContext ctx, Integration integration) {
        return ctx.publicBase() + "/nango/webhook/" + ctx.world().nango().environmentUuid() + "/"
                + URLEncoder.encode(integration.uniqueKey(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Takes one provider webhook. {@code headers} have lower-case names; {@code raw} is the body as sent. Refusals are
     * thrown as Nango shapes them.
     */
    static Answer receive(NangoContext ctx, String environmentUuid, String key, Map<String, String> headers, String raw, String contentType) {
        checkParams(environmentUuid, key);
        NangoStore store = ctx.world().nango();
        if (!store.environmentUuid().equalsIgnoreCase(environmentUuid)) throw bare(404, "unknown_environment");
        Integration integration = store.integration(key).orElseThrow(() -> bare(404, "unknown_provider_config"));
        boolean json = isJson(contentType);
        JsonNode body = json ? parse(raw) : JsonNodeFactory.instance.objectNode();
        // Nango's JSON body parser keeps the raw text only for JSON bodies; the signature check reads it.
        String rawBody = json ? raw : "";
        NangoProvider provider = NangoProvider.of(integration);
        if (!provider.routesWebhooks()) return new Answer(204, null);
        List<Connection> matched = provider.webhookConnections(ctx, integration, headers, rawBody, body);
        NangoWebhooks.forward(ctx, integration, matched, body, headers);
        return new Answer(200, Map.of("status", "success"));
    }

    /** Nango validates both route parameters first: {@code 400 invalid_uri_params} with zod's issues. */
    private static void checkParams(String environmentUuid, String key) {
        var errors = new ArrayList<Map<String, Object>>();
        if (environmentUuid == null || !environmentUuid.matches(NangoSettings.UUID)) {
            errors.add(NangoErrors.issue("invalid_format", "Invalid UUID", List.of("environmentUuid")));
        }
        if (key == null || !key.matches(KEY)) {
            errors.add(NangoErrors.issue("invalid_format", "Invalid string: must match pattern /^[a-zA-Z0-9~:.@ _-]+$/", List.of("providerConfigKey")));
        } else if (key.length() > 255) {
            errors.add(NangoErrors.issue("too_big", "Too big: expected string to have <=255 characters", List.of("providerConfigKey")));
        }
        if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_uri_params", errors);
    }

    /** express.json's reach: {@code application/json} and nothing else; other bodies are not read. */
    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    /** An empty body is {}; anything but an object or an array is Nango's {@code 400 invalid_json} (body-parser's strict mode). */
    private static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) return JsonNodeFactory.instance.objectNode();
        JsonNode node;
        try {
            node = STRICT.get().readTree(raw);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            throw NangoErrors.of(400, "invalid_json", "Unexpected token in JSON at position " + at);
        }
        if (node == null || !(node.isObject() || node.isArray())) {
            throw NangoErrors.of(400, "invalid_json", "Unexpected token in JSON at position 0");
        }
        return node;
    }

    /** Nango's {@code {"error":{"code":"…"}}} without a message. */
    private static Problem bare(int status, String code) {
        return Problem.withBody(status, code, Map.of("error", Map.of("code", code)));
    }
}
