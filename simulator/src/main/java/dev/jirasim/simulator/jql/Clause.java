package dev.jirasim.simulator.jql;

import java.util.List;

/**
 * The WHERE part of a query. The parser keeps one {@link And} or {@link Or} per run of the same keyword and
 * a separate node per parenthesised group, so {@code (a AND b) AND c} and {@code a AND b AND c} differ; the
 * printer parenthesises every nested group, which keeps print → parse the identity.
 */
public sealed interface Clause {
    record And(List<Clause> clauses) implements Clause {
        public And {
            clauses = List.copyOf(clauses);
            if (clauses.size() < 2) throw new IllegalArgumentException("AND needs at least two clauses");
        }
    }

    record Or(List<Clause> clauses) implements Clause {
        public Or {
            clauses = List.copyOf(clauses);
            if (clauses.size() < 2) throw new IllegalArgumentException("OR needs at least two clauses");
        }
    }

    record Not(Clause clause) implements Clause {
    }

    /** {@code field operator operand}; the field name is kept as written (Jira's messages echo it). */
    record Terminal(String field, Operator operator, Operand operand) implements Clause {
    }
}
