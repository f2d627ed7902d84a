package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of recent searches on one index. Integrations poll the same query page after page, and a result is
 * fully determined by the index's version, the searcher (their permissions and zone are fixed for a world's
 * lifetime; a new world brings a new cache), the query text, how many hits were asked for, and the clock
 * when the query reads it (date fields and functions). Anything else misses and is computed afresh.
 */
public final class ResultCache {
    private static final int CAPACITY = 4_096;

    private record Key(long version, String accountId, ZoneId zone, Instant now, String jql, int limit) {
    }

    private final ConcurrentHashMap<Key, List<Issue>> results = new ConcurrentHashMap<>();

    /** As {@link JqlSearch#search(IssueIndex, Query, SearchContext, int)}, reusing an equal earlier search. */
    public List<Issue> search(IssueIndex index, String jql, Query query, SearchContext ctx, int limit) {
        index.readLock().lock();
        try {
            var key = new Key(index.version(), ctx.accountId(), ctx.zone(), readsClock(query) ? ctx.now() : null, jql, limit);
            List<Issue> hit = results.get(key);
            if (hit != null) return hit;
            List<Issue> found = List.copyOf(JqlSearch.search(index, query, ctx, limit));
            if (results.size() >= CAPACITY) results.clear();
            results.put(key, found);
            return found;
        } finally {
            index.readLock().unlock();
        }
    }

    /** True when the query's answer can change as time passes: a date field or any function in it. */
    static boolean readsClock(Query query) {
        return query.where() != null && readsClock(query.where());
    }

    private static boolean readsClock(Clause clause) {
        if (clause instanceof Clause.And a) return a.clauses().stream().anyMatch(ResultCache::readsClock);
        if (clause instanceof Clause.Or o) return o.clauses().stream().anyMatch(ResultCache::readsClock);
        if (clause instanceof Clause.Not n) return readsClock(n.clause());
        var t = (Clause.Terminal) clause;
        // History predicates take relative dates ("AFTER -1d") and functions: any predicate may read the clock.
        if (!t.predicates().isEmpty()) return true;
        return JqlField.of(t.field()).map(f -> f.kind == JqlField.Kind.DATE).orElse(true) || hasCall(t.operand());
    }

    private static boolean hasCall(Operand operand) {
        return operand instanceof Operand.Call
                || operand instanceof Operand.ListOf list && list.values().stream().anyMatch(ResultCache::hasCall);
    }
}
