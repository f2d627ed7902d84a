package dev.jirasim.simulator.atlassian.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.MediaTypes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a token request body. Atlassian documents JSON; form bodies with the same names work in practice
 * (OAuth libraries send them). Every member must be a string; anything else is an invalid request.
 */
final class TokenBodies {
    private TokenBodies() {
    }

    /** The parameters of a token request body {@code raw} sent with the header {@code contentType} (may be null). */
    static Map<String, String> read(String contentType, String raw) {
        String mediaType = MediaTypes.of(contentType);
        return switch (mediaType) {
            case "application/json" -> json(raw);
            case "application/x-www-form-urlencoded" -> form(raw);
            case "" -> throw raw.isBlank() ? AuthErrors.missing("grant_type") : AuthErrors.unsupportedMediaType(contentType == null ? "null" : contentType);
            default -> throw AuthErrors.unsupportedMediaType(contentType);
        };
    }

    private static Map<String, String> json(String raw) {
        if (raw.isBlank()) throw AuthErrors.invalidRequest("Request body is empty: expected a JSON object.");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw AuthErrors.invalidRequest("Request body is too deeply nested or holds a number too long to read.");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw AuthErrors.invalidRequest(at == null ? "Request body is not valid JSON."
                    : "Request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        if (node == null || !node.isObject()) throw AuthErrors.invalidRequest("Request body must be a JSON object.");
        var values = new LinkedHashMap<String, String>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getValue().isNull()) continue;
            if (!field.getValue().isTextual()) throw AuthErrors.invalidRequest("Parameter '" + field.getKey() + "' must be a string.");
            values.put(field.getKey(), field.getValue().textValue());
        }
        return values;
    }

    private static Map<String, String> form(String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw.isEmpty()) return values;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (values.putIfAbsent(name, value) != null) throw AuthErrors.invalidRequest("Parameter '" + name + "' must not be repeated.");
            } catch (IllegalArgumentException e) {
                throw AuthErrors.invalidRequest("Request body is not valid form encoding.");
            }
        }
        return values;
    }
}
