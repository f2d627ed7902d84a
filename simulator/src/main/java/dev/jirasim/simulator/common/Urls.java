package dev.jirasim.simulator.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings and form bodies, encoded one way for every emulated service. */
public final class Urls {
    private Urls() {
    }

    /** {@code a=1&b=x%20y}: keys and values URL-encoded, in map order. */
    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The URL with {@code params} appended to whatever query it already has. */
    public static String withQuery(String url, Map<String, String> params) {
        if (params.isEmpty()) return url;
        return url + (url.contains("?") ? "&" : "?") + query(params);
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public static byte[] form(Map<String, String> params) {
        return query(params).getBytes(StandardCharsets.UTF_8);
    }
}
