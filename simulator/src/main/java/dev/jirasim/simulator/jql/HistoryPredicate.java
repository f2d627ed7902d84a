package dev.jirasim.simulator.jql;

import java.util.Locale;
import java.util.Objects;

/**
 * One predicate of a history clause: {@code FROM "To Do"}, {@code BY currentUser()}, {@code AFTER -7d},
 * {@code DURING ("2026-01-01", "2026-01-31")}. The operand is kept as written; the compiler checks it.
 */
public record HistoryPredicate(Kind kind, Operand operand) {
    public enum Kind {
        FROM, TO, BY, AFTER, BEFORE, ON, DURING;

        /** How Jira names the predicate in its messages ("after"). */
        public String display() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the predicate bounds a time. */
        public boolean isTime() {
            return this == AFTER || this == BEFORE || this == ON || this == DURING;
        }
    }

    public HistoryPredicate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operand, "operand");
    }
}
