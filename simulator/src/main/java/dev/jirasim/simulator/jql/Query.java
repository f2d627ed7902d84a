package dev.jirasim.simulator.jql;

import java.util.List;

/**
 * A parsed JQL query: an optional WHERE clause and the ORDER BY fields (empty when none were given).
 * Records all the way down, so two parses of equivalent text compare equal and a printed query parses
 * back to the same tree.
 */
public record Query(Clause where, List<SortField> orderBy) {
    public Query {
        orderBy = List.copyOf(orderBy);
    }

    /**
     * Whether Jira's enhanced search would accept this query. Jira rejects a query "without a search
     * restriction" (reference §5.5: a bare {@code order by created} counts as unbounded). The rule it applies
     * is not documented beyond that, so we treat the check as syntactic: any WHERE clause is a restriction,
     * even one that matches everything ({@code project IS NOT EMPTY}).
     */
    public boolean isBounded() {
        return where != null;
    }
}
