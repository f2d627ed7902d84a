package dev.jirasim.simulator.jql;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * A validated query, ready to run against an {@link IssueIndex}. Every node is a predicate on issues; the
 * evaluator intersects each with the set it is given, which lets AND hand its narrowed set to the next
 * operand and keeps NOT a complement within the issues the searcher may see.
 */
sealed interface Plan {
    record And(List<Plan> parts) implements Plan {
    }

    record Or(List<Plan> parts) implements Plan {
    }

    record Not(Plan plan) implements Plan {
    }

    /** Issues having any of {@code values} in an indexed field ({@link Postings#EMPTY} for none). */
    record Terms(JqlField field, Set<String> values) implements Plan {
    }

    /** Issues whose date lies in {@code [from, to]}, in the index's unit (epoch ms; epoch days for due dates). */
    record Dates(JqlField field, long from, long to) implements Plan {
    }

    /** Issues resolved at compile time (by key or id). */
    record Slots(BitSet slots) implements Plan {
    }

    /** Issues of one project whose key number lies in {@code [from, to]}: {@code key > ABC-10}. */
    record KeyRange(String project, long from, long to) implements Plan {
    }

    /** Issues whose numeric id lies in {@code [from, to]}: {@code id >= 10050}. */
    record IdRange(long from, long to) implements Plan {
    }

    /** A text search; scans the issues it is given. */
    record Text(JqlField field, TextQuery query) implements Plan {
    }

    /**
     * Issues whose custom field {@code field} (an id) holds any of {@code values}, in {@link Postings}' key
     * form; {@link Postings#ANY} stands for any value.
     */
    record Custom(String field, Set<Object> values) implements Plan {
    }

    /** Issues whose custom number ({@code Double} bound) or date ({@code String} bound) is {@code op} the bound. */
    record CustomRange(String field, Operator op, Object bound) implements Plan {
    }

    /** A check of each issue it is given, for what the index does not hold (text in custom text fields). */
    record Scan(java.util.function.Predicate<dev.jirasim.simulator.world.Issue> test) implements Plan {
    }

    /**
     * A history clause on {@code field}: {@code changed} false is WAS with {@code values} (postings form), true is CHANGED
     * with optional {@code from} and {@code to} values; {@code by} the authors (null: anyone), {@code [lo, hi]} the time
     * window in epoch ms, both inclusive (unbounded: {@code Long.MIN_VALUE}, {@code Long.MAX_VALUE}).
     */
    record History(JqlField field, boolean changed, Set<String> values, Set<String> from, Set<String> to, Set<String> by,
                   long lo, long hi) implements Plan {
    }

    record Nothing() implements Plan {
    }
}
