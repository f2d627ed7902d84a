package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs a query for one searcher: validates it (every error at once, Jira's texts), evaluates the WHERE
 * clause on the index, keeps only issues of projects the searcher may browse (silently, as Jira's search
 * does, reference §5.4), and orders the result (see {@link IssueOrder} for the default order and ties).
 * Whether the query is bounded is the caller's concern: see {@link Query#isBounded()}.
 */
public final class JqlSearch {
    private JqlSearch() {
    }

    /** The matching issues in order; throws {@link JqlException} with Jira's messages when the query is invalid. */
    public static List<Issue> search(IssueIndex index, Query query, SearchContext ctx) {
        return search(index, query, ctx, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} matching issues in order (a page route asks for one more than it shows, to know
     * whether another page follows). Cheaper than the full list when many issues match.
     */
    public static List<Issue> search(IssueIndex index, Query query, SearchContext ctx, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative");
        index.readLock().lock();
        try {
            BitSet hits = hits(index, query, ctx);
            return new IssueOrder(index, ctx).sort(hits, query.orderBy(), limit);
        } finally {
            index.readLock().unlock();
        }
    }

    /** How many issues match, for approximate-count; validates like {@link #search}. */
    public static int count(IssueIndex index, Query query, SearchContext ctx) {
        index.readLock().lock();
        try {
            return hits(index, query, ctx).cardinality();
        } finally {
            index.readLock().unlock();
        }
    }

    private static BitSet hits(IssueIndex index, Query query, SearchContext ctx) {
        var compiler = new JqlCompiler(index, ctx);
        Plan plan = query.where() == null ? null : compiler.compile(query.where());
        var errors = new ArrayList<>(compiler.errors);
        errors.addAll(IssueOrder.validate(query.orderBy()));
        if (!errors.isEmpty()) throw new JqlException(errors.stream().distinct().toList());
        BitSet visible = visible(index, compiler);
        return plan == null ? visible : new PlanEvaluator(index).eval(plan, visible);
    }

    /** Parses and searches in one step. */
    public static List<Issue> search(IssueIndex index, String jql, SearchContext ctx) {
        return search(index, Jql.parse(jql), ctx);
    }

    private static BitSet visible(IssueIndex index, JqlCompiler compiler) {
        var keys = new ArrayList<String>();
        for (String key : index.postings().values(JqlField.PROJECT)) {
            if (compiler.visible(key)) keys.add(key);
        }
        return index.inProjects(keys);
    }
}
