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
        index.readLock().lock();
        try {
            var compiler = new JqlCompiler(index, ctx);
            Plan plan = query.where() == null ? null : compiler.compile(query.where());
            var errors = new ArrayList<>(compiler.errors);
            errors.addAll(IssueOrder.validate(query.orderBy()));
            if (!errors.isEmpty()) throw new JqlException(errors.stream().distinct().toList());
            BitSet visible = visible(index, compiler);
            BitSet hits = plan == null ? visible : new PlanEvaluator(index).eval(plan, visible);
            return new IssueOrder(index, ctx).sort(hits, query.orderBy());
        } finally {
            index.readLock().unlock();
        }
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
