package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The few YAML forms the skeleton needs, written by hand so the file reads like the scenarios people write
 * (a generic dumper would quote and order things differently). Anything not plainly safe is double-quoted.
 */
final class Yaml {
    // No flow indicators, colons or spaces: such a plain scalar means the same in block and flow context.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$/][A-Za-z0-9_$./@-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)true|false|yes|no|on|off|y|n|null|~");

    private Yaml() {
    }

    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches() && !s.contains("${")) return s;
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A JSON value as a YAML value that keeps its JSON type (numbers stay numbers, strings stay strings). */
    static String value(JsonNode node) {
        if (node.isTextual()) return scalar(node.asText());
        if (node.isIntegralNumber() || node.isBoolean()) return node.asText();
        if (node.isNumber()) return node.decimalValue().toPlainString();
        if (node.isNull()) return "null";
        if (node.isEmpty()) return node.isArray() ? "[]" : "{}";
        throw new IllegalArgumentException("not a scalar: " + node.getNodeType());
    }

    /** A JSON tree in block style, each line indented by {@code indent}; scalars and empty containers inline. */
    static void block(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.append(indent).append(scalar(e.getKey())).append(':');
                nested(e.getValue(), indent, out);
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                out.append(indent).append('-');
                nested(item, indent, out);
            }
        }
    }

    private static void nested(JsonNode child, String indent, StringBuilder out) {
        if (child.isContainerNode() && !child.isEmpty()) {
            out.append('\n');
            block(child, indent + "  ", out);
        } else {
            out.append(' ').append(value(child)).append('\n');
        }
    }
}
