package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shape checks for a recorded JSON response: the type of each member, not its value, because ids, dates and
 * tokens differ on every run. Exceptions: OAuth error codes and the token type, which are the behaviour
 * itself, and the size of a top-level list (how many sites, how many items), which a reviewer can loosen.
 */
final class Shapes {
    private static final int MAX_DEPTH = 3;
    private static final Set<String> STABLE = Set.of("error", "error_description", "token_type");
    private static final Set<String> TOKENS = Set.of("access_token", "refresh_token", "id_token", "token");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One line under {@code expect.json}: a path and its matchers, already in YAML. */
    record Check(String path, String matchers) {
    }

    /** A token member of a response, to capture. */
    record Token(String path, String member, String value) {
    }

    private Shapes() {
    }

    static List<Check> of(JsonNode body) {
        var checks = new ArrayList<Check>();
        if (body.isArray()) {
            checks.add(new Check("$", "{type: array, size: " + body.size() + "}"));
            if (!body.isEmpty() && body.get(0).isObject()) members(body.get(0), "$[0]", 1, checks);
        } else if (body.isObject()) {
            members(body, "$", 0, checks);
        } else {
            checks.add(new Check("$", type(body)));
        }
        return checks;
    }

    private static void members(JsonNode object, String path, int depth, List<Check> checks) {
        object.fields().forEachRemaining(e -> {
            String p = path + step(e.getKey());
            JsonNode v = e.getValue();
            if (depth == 0 && STABLE.contains(e.getKey()) && v.isTextual()) {
                checks.add(new Check(p, Yaml.scalar(v.asText())));
                return;
            }
            checks.add(new Check(p, type(v)));
            if (depth + 1 >= MAX_DEPTH) return;
            if (v.isObject()) members(v, p, depth + 1, checks);
            if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) members(v.get(0), p + "[0]", depth + 2, checks);
        });
    }

    /** String members named like tokens, in objects (not lists) down to the same depth as the checks. */
    static List<Token> tokens(JsonNode body) {
        var found = new ArrayList<Token>();
        collectTokens(body, "$", 0, found);
        return found;
    }

    private static void collectTokens(JsonNode node, String path, int depth, List<Token> found) {
        if (!node.isObject() || depth >= MAX_DEPTH) return;
        node.fields().forEachRemaining(e -> {
            String p = path + step(e.getKey());
            if (TOKENS.contains(e.getKey()) && e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
                found.add(new Token(p, e.getKey(), e.getValue().asText()));
            }
            collectTokens(e.getValue(), p, depth + 1, found);
        });
    }

    private static String step(String member) {
        return SIMPLE_NAME.matcher(member).matches() ? "." + member : "['" + member.replace("'", "\\'") + "']";
    }

    private static String type(JsonNode v) {
        // A null may hold a value next time (an unset field), so only its presence is the shape.
        if (v.isNull()) return "{exists: true}";
        String t = v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : v.isArray() ? "array" : "object";
        return "{type: " + t + "}";
    }
}
