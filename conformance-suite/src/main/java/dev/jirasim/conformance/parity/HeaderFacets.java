package dev.jirasim.conformance.parity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few response headers a parity run compares, each reduced to the part clients act on; the rest (Date,
 * Server, tracing ids, lengths) differ between any two deployments and are left out.
 * <ul>
 * <li>{@code Content-Type}: the media type only; clients pick a parser by it, while charset spelling varies.</li>
 * <li>{@code WWW-Authenticate}: the scheme and parameter names (RFC 9110 §11.6.1); realms and texts vary.</li>
 * <li>{@code Retry-After}: present or not, and its form (seconds or HTTP date), which back-off code must parse.</li>
 * <li>{@code Location}: present or not, and its query member names (an OAuth redirect's code, state, error).</li>
 * <li>{@code X-Seraph-LoginReason}: the whole value, a short enumeration Jira DC clients branch on.</li>
 * </ul>
 */
public final class HeaderFacets {
    public static final String ABSENT = "absent";
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=");

    private HeaderFacets() {
    }

    public static Map<String, String> of(Observation o) {
        var facets = new LinkedHashMap<String, String>();
        facets.put("Content-Type", contentType(o.header("Content-Type")));
        facets.put("WWW-Authenticate", challenge(o.header("WWW-Authenticate")));
        facets.put("Retry-After", retryAfter(o.header("Retry-After")));
        facets.put("Location", location(o.header("Location")));
        String reason = o.header("X-Seraph-LoginReason");
        facets.put("X-Seraph-LoginReason", reason == null ? ABSENT : reason.strip());
        return facets;
    }

    static String contentType(String value) {
        if (value == null) return ABSENT;
        return value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    static String challenge(String value) {
        if (value == null) return ABSENT;
        String scheme = value.strip().split("[\\s,]", 2)[0];
        var names = new TreeSet<String>();
        Matcher m = PARAM.matcher(value);
        while (m.find()) names.add(m.group(1).toLowerCase(Locale.ROOT));
        return names.isEmpty() ? scheme : scheme + " " + names;
    }

    static String retryAfter(String value) {
        if (value == null) return ABSENT;
        return value.strip().matches("\\d+") ? "seconds" : "HTTP date";
    }

    static String location(String value) {
        if (value == null) return ABSENT;
        int mark = value.indexOf('?');
        if (mark < 0) return "present, no query";
        var names = new TreeSet<String>();
        String query = value.substring(mark + 1).split("#", 2)[0];
        for (String pair : query.split("&")) if (!pair.isEmpty()) names.add(pair.split("=", 2)[0]);
        return "present, query " + names;
    }
}
