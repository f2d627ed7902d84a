package dev.jirasim.simulator.world;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code DefaultWorld.java}: the default world (default-world.yaml) as the record constructor calls that make
 * it, so a cold start builds it without YAML or Jackson's reflection over some forty record types (about a fifth of a
 * second of class loading and introspection). The YAML stays the file people read and edit; {@link DefaultWorldTest}
 * fails when the generated class no longer builds the world the YAML describes.
 */
final class DefaultWorldGenerator {
    /** An expression longer than this becomes a method of its own, so no method nears the JVM's 64 KB limit. */
    private static final int HOIST_AT = 1_500;

    private final List<String> methods = new ArrayList<>();

    static String generate() throws java.io.IOException {
        // ${publicUrl} kept as text (no URL given), so the code can put any URL in.
        return new DefaultWorldGenerator().source(WorldFiles.parse(yaml(), null));
    }

    /** The YAML itself, read through the loader every other world file goes through. */
    static String yaml() throws java.io.IOException {
        try (var in = WorldFiles.class.getResourceAsStream(WorldFiles.DEFAULT_WORLD_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private String source(WorldFile file) {
        String body = expression(file);
        var sb = new StringBuilder();
        sb.append("""
                package dev.jirasim.simulator.world;

                import java.util.List;

                /**
                 * The default world, generated from default-world.yaml by DefaultWorldGenerator (test code): do not edit; change
                 * the YAML and rerun DefaultWorldTest with -Djirasim.regenerate=true. Built by constructor calls, a cold start
                 * reads it without YAML or Jackson; DefaultWorldTest checks it equals what the YAML gives.
                 */
                @SuppressWarnings("all")
                final class DefaultWorld {
                    private DefaultWorld() {
                    }

                    /** The default world with {@code publicUrl} for ${publicUrl} (null keeps the placeholder). */
                    static WorldFile of(String publicUrl) {
                        String u = publicUrl == null ? WorldFiles.PUBLIC_URL_PLACEHOLDER : publicUrl;
                        return\s""").append(body).append(";\n    }\n");
        for (String m : methods) sb.append('\n').append(m);
        sb.append("""

                    /** A map in the order written, as the YAML loader gives it. */
                    private static <K, V> java.util.Map<K, V> map(Object... keysAndValues) {
                        var m = new java.util.LinkedHashMap<K, V>();
                        for (int i = 0; i < keysAndValues.length; i += 2) m.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
                        return m;
                    }

                    /** A list that may hold nulls, as a loaded one can. */
                    private static <T> List<T> listOf(T... items) {
                        return new java.util.ArrayList<>(java.util.Arrays.asList(items));
                    }
                }
                """);
        return sb.toString();
    }

    private String expression(Object value) {
        String e = plain(value);
        if (e.length() <= HOIST_AT || !(value instanceof Record)) return e;
        String name = "v" + methods.size();
        methods.add("    private static " + value.getClass().getCanonicalName().replace("dev.jirasim.simulator.world.", "") + " " + name
                + "(String u) {\n        return " + e + ";\n    }\n");
        return name + "(u)";
    }

    private String plain(Object value) {
        if (value == null) return "null";
        if (value instanceof String s) return text(s);
        if (value instanceof Integer || value instanceof Boolean) return value.toString();
        if (value instanceof Long l) return l + "L";
        if (value instanceof Double d) return d + "d";
        if (value instanceof BigDecimal b) return "new java.math.BigDecimal(\"" + b + "\")";
        if (value instanceof Instant i) return "java.time.Instant.ofEpochSecond(" + i.getEpochSecond() + "L, " + i.getNano() + ")";
        if (value instanceof LocalDate d) return "java.time.LocalDate.of(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
        if (value instanceof Enum<?> e) return e.getDeclaringClass().getCanonicalName() + "." + e.name();
        if (value instanceof Set<?>) throw new IllegalStateException("sets are not generated: " + value.getClass());
        if (value instanceof Collection<?> c) {
            var items = c.stream().map(this::expression).toList();
            boolean nulls = c.stream().anyMatch(java.util.Objects::isNull); // List.of(...).contains(null) throws
            return (nulls ? "listOf(" : "List.of(") + String.join(", ", items) + ")";
        }
        if (value instanceof Map<?, ?> m) {
            var parts = new ArrayList<String>();
            m.forEach((k, v) -> {
                parts.add(expression(k));
                parts.add(expression(v));
            });
            return "map(" + String.join(", ", parts) + ")";
        }
        if (value instanceof Record r) {
            var args = new ArrayList<String>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    args.add(expression(accessor.invoke(r)));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            return "new " + r.getClass().getCanonicalName().replace("dev.jirasim.simulator.world.", "") + "(" + String.join(", ", args) + ")";
        }
        throw new IllegalStateException("no code for a " + value.getClass() + " in the default world");
    }

    /** A string literal; ${publicUrl} becomes the {@code u} parameter. */
    private static String text(String s) {
        var parts = new ArrayList<String>();
        int from = 0;
        for (int at = s.indexOf(WorldFiles.PUBLIC_URL_PLACEHOLDER); at >= 0; at = s.indexOf(WorldFiles.PUBLIC_URL_PLACEHOLDER, from)) {
            if (at > from) parts.add(literal(s.substring(from, at)));
            parts.add("u");
            from = at + WorldFiles.PUBLIC_URL_PLACEHOLDER.length();
        }
        if (from < s.length() || parts.isEmpty()) parts.add(literal(s.substring(from)));
        return String.join(" + ", parts);
    }

    private static String literal(String s) {
        var sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }
}
