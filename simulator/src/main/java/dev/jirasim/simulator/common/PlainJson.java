package dev.jirasim.simulator.common;

import java.util.Collection;
import java.util.Map;

/**
 * The JSON of a plain tree, written exactly as {@link Json#MAPPER} would write it: maps with string keys, lists and
 * sets, strings, whole and floating-point numbers, booleans and null. Most answers are such trees, and writing them
 * without Jackson spares a cold start the making of Jackson's mapper (a tenth of a second of CPU, more than bare
 * Javalin spends on its first answer): the mapper is made when something only Jackson can write comes along.
 * Anything else anywhere in the tree (a record, an enum, a date, a map key that is not a string, a map type that
 * carries annotations) makes {@link #write} answer null, and the caller leaves the whole value to Jackson.
 * {@code PlainJsonProperties} holds the two to the same text.
 */
public final class PlainJson {
    /** Deeper trees go to Jackson, which enforces its own nesting limit. */
    private static final int MAX_DEPTH = 100;
    /** How Jackson escapes each ASCII character in a string, or null for as is. */
    private static final String[] ESCAPES = new String[128];
    /** Whether a map or collection type is written by Jackson as a plain JSON object or array. */
    private static final ClassValue<Boolean> PLAIN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return plainContainer(type);
        }
    };

    static {
        String hex = "0123456789ABCDEF";
        for (int c = 0; c < 0x20; c++) ESCAPES[c] = "\\u00" + hex.charAt(c >> 4) + hex.charAt(c & 0xF);
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES['\b'] = "\\b";
        ESCAPES['\t'] = "\\t";
        ESCAPES['\f'] = "\\f";
        ESCAPES['\n'] = "\\n";
        ESCAPES['\r'] = "\\r";
    }

    private PlainJson() {
    }

    /** The JSON text of {@code value}, or null if it holds anything but a plain tree. */
    public static String write(Object value) {
        var out = new StringBuilder(512);
        return write(value, out, 0) ? out.toString() : null;
    }

    private static boolean write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Jackson quotes what JSON has no number for; a float keeps its own shortest form.
            String text = value instanceof Float f ? Float.toString(f) : Double.toString(d);
            if (Double.isFinite(d)) out.append(text);
            else string(text, out);
        } else if (value instanceof java.math.BigInteger i) {
            out.append(i);
        } else if (depth >= MAX_DEPTH || !PLAIN.get(value.getClass())) {
            return false;
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) return false;
                if (!first) out.append(',');
                first = false;
                string(key, out);
                out.append(':');
                if (!write(e.getValue(), out, depth + 1)) return false;
            }
            out.append('}');
        } else {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) out.append(',');
                first = false;
                if (!write(item, out, depth + 1)) return false;
            }
            out.append(']');
        }
        return true;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && ESCAPES[c] != null) {
                out.append(s, from, i).append(ESCAPES[c]);
                from = i + 1;
            }
        }
        out.append(s, from, s.length()).append('"');
    }

    /**
     * A map or collection Jackson writes entry by entry: the JDK's own, and ours that carry no annotations Jackson
     * could read (on the type, its methods or fields, up to the JDK type it extends).
     */
    private static boolean plainContainer(Class<?> type) {
        if (!Map.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)) return false;
        if (type.getName().startsWith("java.util.")) return true;
        if (!type.getName().startsWith("dev.jirasim.")) return false;
        for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            if (c.getAnnotations().length > 0) return false;
            for (var m : c.getDeclaredMethods()) if (m.getAnnotations().length > 0) return false;
            for (var f : c.getDeclaredFields()) if (f.getAnnotations().length > 0) return false;
            for (Class<?> i : c.getInterfaces()) if (!i.getName().startsWith("java.")) return false;
        }
        return true;
    }
}
