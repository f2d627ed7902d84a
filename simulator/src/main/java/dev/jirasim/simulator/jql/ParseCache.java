package dev.jirasim.simulator.jql;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed queries by text. Clients repeat the same few queries page after page, and a query is plain immutable
 * data, so a search parses its text once. Syntax errors are remembered too (their messages are immutable).
 * Bounded crudely: when full it starts again empty, which only costs re-parsing.
 */
public final class ParseCache {
    private static final int CAPACITY = 2_048;
    private final ConcurrentHashMap<String, Object> parsed = new ConcurrentHashMap<>();

    /** The query for this text, as {@link Jql#parse} would return it, or the same {@link JqlException}. */
    public Query parse(String jql) {
        if (jql == null) return Jql.parse(null);
        Object hit = parsed.get(jql);
        if (hit == null) {
            try {
                hit = Jql.parse(jql);
            } catch (JqlException e) {
                hit = e;
            }
            if (parsed.size() >= CAPACITY) parsed.clear();
            parsed.put(jql, hit);
        }
        if (hit instanceof JqlException e) throw new JqlException(e.errorMessages());
        return (Query) hit;
    }
}
