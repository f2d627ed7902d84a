package dev.jirasim.conformance.model;

import java.util.Arrays;

/** One check on a value found at a JSON path or in a header. {@code value} may hold ${templates}. */
public record Matcher(Kind kind, Object value) {
    public enum Kind {
        EQUALS("equals"), MATCHES("matches"), EXISTS("exists"), ABSENT("absent"), TYPE("type"), SIZE("size"),
        CONTAINS("contains"), GREATER_THAN("greaterThan"), LESS_THAN("lessThan"), NOT_EQUALS("notEquals"), ONE_OF("oneOf");

        public final String key;

        Kind(String key) {
            this.key = key;
        }

        public static Kind of(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst().orElse(null);
        }
    }
}
