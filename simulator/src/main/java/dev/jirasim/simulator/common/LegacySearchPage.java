package dev.jirasim.simulator.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's offset-paged search body, {@code {expand, startAt, maxResults, total, issues}}: the old Cloud
 * {@code /search} (where a world keeps it) and Data Center's {@code /search} answer with the same shape.
 */
public final class LegacySearchPage {
    private LegacySearchPage() {
    }

    /** The hits from {@code startAt}, at most {@code max} of them; an offset past the end gives none. */
    public static <T> List<T> slice(List<T> all, int startAt, int max) {
        int from = Math.min(startAt, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + max));
    }

    /** The body, members in Jira's order; callers may add more (names, schema, warnings) after. */
    public static Map<String, Object> body(int startAt, int maxResults, int total, List<?> issues) {
        var body = new LinkedHashMap<String, Object>();
        body.put("expand", "schema,names");
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", total);
        body.put("issues", issues);
        return body;
    }
}
