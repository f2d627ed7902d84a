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

    /**
     * {@code field operator operand}; the field name is kept as written (Jira's messages echo it). History clauses
     * carry their predicates in the order written ({@code status WAS Done BY bob AFTER -1w}); {@code CHANGED} has no
     * operand (null), every other operator has one.
     */
    record Terminal(String field, Operator operator, Operand operand, List<HistoryPredicate> predicates) implements Clause {
        public Terminal {
            predicates = predicates == null ? List.of() : List.copyOf(predicates);
            if ((operator == Operator.CHANGED) != (operand == null)) {
                throw new IllegalArgumentException(operator == Operator.CHANGED ? "CHANGED takes no operand" : operator + " needs an operand");
            }
            if (!operator.isHistory() && !predicates.isEmpty()) throw new IllegalArgumentException(operator + " takes no predicates");
        }

        public Terminal(String field, Operator operator, Operand operand) {
            this(field, operator, operand, List.of());
        }
    }
}
