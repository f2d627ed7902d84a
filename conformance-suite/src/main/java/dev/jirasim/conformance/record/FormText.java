package dev.jirasim.conformance.record;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code a=1&b=2} as a mapping, the way a scenario's {@code query} and {@code form} hold it. */
final class FormText {
    private FormText() {
    }

    /** The decoded pairs, or null when a mapping cannot say the same (a repeated name, bad encoding). */
    static Map<String, String> decode(String encoded) {
        var pairs = new LinkedHashMap<String, String>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (pairs.put(name, value) != null) return null;
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return pairs;
    }
}
