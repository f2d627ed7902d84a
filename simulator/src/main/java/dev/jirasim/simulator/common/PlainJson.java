package dev.jirasim.simulator.common;

import java.util.Collection;
import java.util.List;
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
    /** How Jackson escapes each ASCII character in a string, or null for as is (from Jackson's table). */
    private static final String[] ESCAPES = new String[128];
    /** 10 to the power of the index, 10^0 to 10^18. */
    private static final long[] POWERS = new long[19];
    /** "00" to "99", in order. */
    private static final char[] PAIRS = new char[200];
    private static final int NEITHER = 0;
    private static final int MAP = 1;
    private static final int COLLECTION = 2;
    /** How Jackson writes a type: entry by entry as a JSON object (a map), item by item as an array, or neither. */
    private static final ClassValue<Integer> KINDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            if (!plainContainer(type)) return NEITHER;
            return Map.class.isAssignableFrom(type) ? MAP : COLLECTION;
        }
    };
    // The types nearly every answer is made of, compared before the (slower) lookup above.
    private static final Class<?> LIST_OF_ONE = List.of(1).getClass();
    private static final Class<?> LIST_OF_MANY = List.of(1, 2, 3).getClass();
    private static final Class<?> MAP_OF_ONE = Map.of(1, 1).getClass();
    private static final Class<?> MAP_OF_MANY = Map.of(1, 1, 2, 2).getClass();

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (char) ('0' + i / 10);
            PAIRS[2 * i + 1] = (char) ('0' + i % 10);
        }
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * 10;
        // Jackson's own table (jackson-core, not the mapper): 0 as is, a letter for its short escape, -1 for six characters.
        int[] jackson = com.fasterxml.jackson.core.io.CharTypes.get7BitOutputEscapes();
        String hex = "0123456789ABCDEF";
        for (int c = 0; c < ESCAPES.length; c++) {
            int e = jackson[c];
            if (e > 0) ESCAPES[c] = "\\" + (char) e;
            else if (e < 0) ESCAPES[c] = "\\u00" + hex.charAt(c >> 4) + hex.charAt(c & 0xF);
        }
    }

    /**
     * Each thread keeps the buffer it wrote its last answer in, up to {@link #KEPT_CHARS}: growing a new one to the
     * size of a search page for every answer cost more than writing it.
     */
    private static final ThreadLocal<char[]> BUFFERS = new ThreadLocal<>();
    private static final int KEPT_CHARS = 1 << 17;

    private char[] buf;
    private int len;

    private PlainJson(char[] buf) {
        this.buf = buf;
    }

    /** The JSON text of {@code value}, or null if it holds anything but a plain tree. */
    public static String write(Object value) {
        char[] kept = BUFFERS.get();
        BUFFERS.set(null); // taken while in use
        var out = new PlainJson(kept != null ? kept : new char[2048]);
        try {
            return out.value(value, 0) ? new String(out.buf, 0, out.len) : null;
        } finally {
            BUFFERS.set(out.buf.length <= KEPT_CHARS ? out.buf : kept);
        }
    }

    private boolean value(Object value, int depth) {
        if (value == null) {
            put("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            put(b ? "true" : "false");
        } else if (value instanceof Long l) {
            number(l);
        } else if (value instanceof Integer i) {
            number(i);
        } else if (value instanceof Short || value instanceof Byte) {
            number(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // Jackson quotes what JSON has no number for; a float keeps its own shortest form.
            String text = value instanceof Float f ? Float.toString(f) : Double.toString(d);
            if (Double.isFinite(d)) put(text);
            else string(text);
        } else if (value instanceof java.math.BigInteger i) {
            put(i.toString());
        } else {
            int kind = depth < MAX_DEPTH ? kind(value.getClass()) : NEITHER;
            if (kind == MAP) return object((Map<?, ?>) value, depth);
            if (kind == COLLECTION) return array((Collection<?>) value, depth);
            return false;
        }
        return true;
    }

    private boolean object(Map<?, ?> map, int depth) {
        put('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) return false;
            if (!first) put(',');
            first = false;
            string(key);
            put(':');
            if (!value(e.getValue(), depth + 1)) return false;
        }
        put('}');
        return true;
    }

    private boolean array(Collection<?> items, int depth) {
        put('[');
        if (!items.isEmpty()) {
            boolean first = true;
            for (Object item : items) {
                if (!first) put(',');
                first = false;
                if (!value(item, depth + 1)) return false;
            }
        }
        put(']');
        return true;
    }

    /** {@link #MAP}, {@link #COLLECTION} or {@link #NEITHER}: the common types by identity, the rest looked up. */
    private static int kind(Class<?> type) {
        if (type == java.util.LinkedHashMap.class || type == MAP_OF_ONE || type == MAP_OF_MANY || type == java.util.HashMap.class) return MAP;
        if (type == java.util.ArrayList.class || type == LIST_OF_ONE || type == LIST_OF_MANY) return COLLECTION;
        return KINDS.get(type);
    }

    /** A string, copied whole and then looked over: nearly every string needs no escape. */
    private void string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        s.getChars(0, n, buf, len);
        for (int i = 0; i < n; i++) {
            char c = buf[len + i];
            if (c < 128 && ESCAPES[c] != null) {
                len += i;
                escaped(s, i);
                return;
            }
        }
        len += n;
        buf[len++] = '"';
    }

    /** The rest of a string from {@code from}, escaping as Jackson does, and its closing quote. */
    private void escaped(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String escape = c < 128 ? ESCAPES[c] : null;
            if (escape == null) put(c);
            else put(escape);
        }
        put('"');
    }

    private void number(long v) {
        if (v == Long.MIN_VALUE) {
            put("-9223372036854775808"); // the one long without a positive counterpart
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        // The number of digits from the number of bits, then written backwards straight into place: nine digits
        // at a time as an int while the number is larger, then two a division from a table (as Long.toString).
        int approx = ((64 - Long.numberOfLeadingZeros(v | 1)) * 1233) >>> 12;
        int at = len + approx + ((v | 1) < POWERS[approx] ? 0 : 1); // v | 1: zero has a digit too
        len = at;
        char[] b = buf;
        while (v > Integer.MAX_VALUE) {
            int low = (int) (v % 1_000_000_000);
            v /= 1_000_000_000;
            for (int k = 0; k < 4; k++) {
                int q = low / 100;
                int pair = (low - q * 100) * 2;
                low = q;
                b[--at] = PAIRS[pair + 1];
                b[--at] = PAIRS[pair];
            }
            b[--at] = (char) ('0' + low);
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            int pair = (i - q * 100) * 2;
            i = q;
            b[--at] = PAIRS[pair + 1];
            b[--at] = PAIRS[pair];
        }
        if (i >= 10) {
            b[--at] = PAIRS[i * 2 + 1];
            b[--at] = PAIRS[i * 2];
        } else {
            b[--at] = (char) ('0' + i);
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = c;
    }

    private void put(String s) {
        int n = s.length();
        ensure(n);
        s.getChars(0, n, buf, len);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) grow(more);
    }

    private void grow(int more) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
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
