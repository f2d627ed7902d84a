package dev.jirasim.simulator.common;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string as a map of its parameters, read exactly as Javalin's {@code Context.queryParamMap()} reads it
 * (split on {@code &}, then on the first {@code =}; names and values URL-decoded; a pair whose name does not decode
 * is dropped, a value that does not decode is left out of its list), in one pass. Javalin's version builds lists,
 * pairs and maps for every pair, which was a twentieth of a search request (the hottest route reads a query string).
 */
public final class QueryStrings {
    private QueryStrings() {
    }

    /** {@code query} without its {@code ?}; {@code charset} the request's, or null for UTF-8 (as Javalin defaults). */
    public static Map<String, List<String>> parse(String query, String charset) {
        if (query == null || query.isEmpty()) return Map.of();
        Charset cs;
        try {
            cs = charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset.isEmpty() ? null : Charset.forName(charset);
        } catch (IllegalArgumentException e) { // an illegal or unknown name: Javalin decodes nothing then
            cs = null;
        }
        var params = new LinkedHashMap<String, List<String>>();
        if (cs == null) return params;
        int from = 0;
        while (true) {
            int amp = query.indexOf('&', from);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', from);
            boolean hasValue = eq >= 0 && eq < end;
            String name = decode(query, from, hasValue ? eq : end, cs);
            if (name != null) {
                List<String> values = params.computeIfAbsent(name, k -> new ArrayList<>(1));
                String value = hasValue ? decode(query, eq + 1, end, cs) : "";
                if (value != null) values.add(value);
            }
            if (amp < 0) return params;
            from = amp + 1;
        }
    }

    /** {@code s[from, to)} URL-decoded, or null when it has a broken escape. */
    private static String decode(String s, int from, int to, Charset cs) {
        String part = s.substring(from, to);
        if (part.indexOf('%') < 0 && part.indexOf('+') < 0) return part;
        try {
            return URLDecoder.decode(part, cs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
