package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON text as Nango writes a webhook body (its {@code stringifyStable}, fast-safe-stringify's {@code stableStringify}):
 * compact, object members sorted by name, and values written as JavaScript's {@code JSON.stringify} writes them, since
 * Nango parsed what it forwards into JavaScript values first. So numbers come out as JavaScript numbers (no {@code 1.0},
 * integers past 2^53 rounded) and strings escaped as JavaScript escapes them. The exact text matters: it is what is
 * signed, and the SDK's legacy check re-serialises the parsed body with {@code JSON.stringify} and must get it back.
 */
final class StableJson {
    private static final long MAX_SAFE = 1L << 53;

    private StableJson() {
    }

    /** {@code value} (maps, lists, records, JSON nodes…) as Nango's stable JSON text. */
    static String write(Object value) {
        JsonNode node = value instanceof JsonNode n ? n : Json.MAPPER.valueToTree(value);
        var out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
            // Array.prototype.sort's default order: UTF-16 code units, which is String.compareTo's.
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(number(node));
        } else {
            // Binary or POJO nodes do not come out of parsing JSON; write what Jackson would.
            string(node.asText(), out);
        }
    }

    /** A number as JavaScript reads it into a double and writes it back. */
    static String number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            if (v > -MAX_SAFE && v < MAX_SAFE) return Long.toString(v);
        }
        return js(node.doubleValue());
    }

    /** ECMAScript's Number::toString for a double. */
    static String js(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null"; // JSON.stringify's answer; parsing never yields them
        if (d == 0) return "0"; // -0 too
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale(); // the decimal point sits after n digits
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) return sign + digits + "0".repeat(n - k);
        if (0 < n && n <= 21) return sign + digits.substring(0, n) + "." + digits.substring(n);
        if (-6 < n && n <= 0) return sign + "0." + "0".repeat(-n) + digits;
        int e = n - 1;
        String exponent = (e >= 0 ? "+" : "-") + Math.abs(e);
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + exponent;
    }

    /** JSON.stringify's QuoteJSONString: short escapes, other controls and lone surrogates as lower-case {@code \\u} escapes. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
