package dev.jirasim.simulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.world.RateLimit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads fault rules from JSON: one rule object or a list of them. Every key and type is checked, and a
 * problem is reported as an {@link IllegalArgumentException} naming the rule and key, e.g.
 * {@code rule 2: 'status' must be between 100 and 599, got 700}.
 */
public final class FaultRuleReader {
    private static final Set<String> KEYS = Set.of("method", "path", "status", "body", "headers", "delayMs", "times", "rateLimit");
    private static final Set<String> RATE_LIMIT_KEYS = Set.of("capacity", "refillPerSecond");
    private static final String KNOWN = "method, path, status, body, headers, delayMs, times, rateLimit";

    private final ObjectMapper mapper;

    public FaultRuleReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<FaultRule> read(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) throw new IllegalArgumentException("Send a fault rule or a list of them as the body.");
        if (json.isObject()) return List.of(rule(json, ""));
        if (!json.isArray()) throw new IllegalArgumentException("Send a fault rule (a JSON object) or a list of them as the body.");
        if (json.isEmpty()) throw new IllegalArgumentException("The list of fault rules is empty.");
        var rules = new ArrayList<FaultRule>();
        for (int i = 0; i < json.size(); i++) {
            JsonNode item = json.get(i);
            String where = "rule " + (i + 1) + ": ";
            if (!item.isObject()) throw new IllegalArgumentException(where + "a fault rule is a JSON object");
            rules.add(rule(item, where));
        }
        return rules;
    }

    private FaultRule rule(JsonNode json, String where) {
        try {
            unknownKeys(json, KEYS, KNOWN, "");
            JsonNode body = json.get("body");
            return new FaultRule(text(json, "method"), text(json, "path"), integer(json, "status"),
                    body == null || body.isNull() ? null : mapper.convertValue(body, Object.class),
                    headers(json.get("headers")), longValue(json, "delayMs"), integer(json, "times"), rateLimit(json.get("rateLimit")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static void unknownKeys(JsonNode json, Set<String> keys, String known, String prefix) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) throw new IllegalArgumentException("unknown key '" + prefix + name + "'; a " + (prefix.isEmpty() ? "fault rule" : "rate limit") + " has " + known);
        }
    }

    private static String text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new IllegalArgumentException("'" + key + "' must be a string");
        return value.asText();
    }

    private static Integer integer(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToInt()) throw new IllegalArgumentException("'" + key + "' must be a whole number");
        return value.intValue();
    }

    private static Long longValue(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw new IllegalArgumentException("'" + key + "' must be a whole number of milliseconds");
        return value.longValue();
    }

    private static Map<String, String> headers(JsonNode json) {
        if (json == null || json.isNull()) return null;
        if (!json.isObject()) throw new IllegalArgumentException("'headers' must be an object of header names to values");
        var headers = new LinkedHashMap<String, String>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            // Retry-After: 5 is as good as "5".
            if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                throw new IllegalArgumentException("header " + field.getKey() + " must have a string or number value");
            }
            headers.put(field.getKey(), value.asText());
        }
        return headers;
    }

    private static RateLimit rateLimit(JsonNode json) {
        if (json == null || json.isNull()) return null;
        if (!json.isObject()) throw new IllegalArgumentException("'rateLimit' must be an object: {\"capacity\": 2, \"refillPerSecond\": 0.1}");
        if (json.has("scope")) throw new IllegalArgumentException("'rateLimit' takes 'capacity' and 'refillPerSecond'; a fault rule has one bucket, so no 'scope'");
        unknownKeys(json, RATE_LIMIT_KEYS, "capacity, refillPerSecond", "rateLimit.");
        Integer capacity = integer(json, "capacity");
        JsonNode refill = json.get("refillPerSecond");
        if (refill != null && !refill.isNull() && !refill.isNumber()) throw new IllegalArgumentException("'refillPerSecond' must be a number");
        Double perSecond = refill == null || refill.isNull() ? null : refill.doubleValue();
        if (capacity == null) throw new IllegalArgumentException("'rateLimit' needs 'capacity'");
        if (perSecond == null) throw new IllegalArgumentException("'rateLimit' needs 'refillPerSecond'");
        return RateLimit.of(capacity, perSecond);
    }
}
