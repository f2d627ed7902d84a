package dev.jirasim.simulator.jql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clauses on created, updated, resolved and due date. Relational operators compare to the millisecond, so
 * {@code created <= "2026-01-31"} stops at midnight, the Jira gotcha. {@code =} matches the whole minute,
 * the finest unit a JQL date literal can name. Due dates are days: an issue due on a day counts as due at
 * that day's midnight in the searcher's zone, which is how Jira stores them.
 */
final class DateClauses {
    private static final long MINUTE = 60_000;
    private final SearchContext ctx;
    private final List<String> errors;

    DateClauses(SearchContext ctx, List<String> errors) {
        this.ctx = ctx;
        this.errors = errors;
    }

    Plan compile(JqlField field, Clause.Terminal t) {
        Plan empty = new Plan.Terms(field, Set.of(Postings.EMPTY));
        switch (t.operator()) {
            case IS:
                return empty;
            case IS_NOT:
                return new Plan.Not(empty);
            case GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS: {
                Instant at = JqlDates.resolve(t.operand(), t.field(), field == JqlField.DUEDATE, ctx, errors);
                if (at == null) return new Plan.Nothing();
                long[] bounds = IssueClauses.bounds(t.operator(), at.toEpochMilli());
                return range(field, bounds[0], bounds[1]);
            }
            default:
                break;
        }
        var matches = new ArrayList<Plan>();
        for (Operand o : JqlCompiler.flatten(t.operand())) {
            if (o instanceof Operand.Empty) {
                matches.add(empty);
                continue;
            }
            Instant at = JqlDates.resolve(o, t.field(), field == JqlField.DUEDATE, ctx, errors);
            if (at == null) continue;
            long minute = Math.floorDiv(at.toEpochMilli(), MINUTE) * MINUTE;
            matches.add(range(field, minute, minute + MINUTE - 1));
        }
        Plan any = matches.size() == 1 ? matches.get(0) : new Plan.Or(matches.isEmpty() ? List.of(new Plan.Nothing()) : matches);
        if (!t.operator().isNegative()) return any;
        // As with other fields, != and NOT IN leave out issues without a value.
        return new Plan.Not(new Plan.Or(List.of(any, empty)));
    }

    /** A range of instants (epoch ms, inclusive) in the index's unit for the field. */
    private Plan range(JqlField field, long from, long to) {
        if (field != JqlField.DUEDATE) return new Plan.Dates(field, from, to);
        long fromDay = from == Long.MIN_VALUE ? Long.MIN_VALUE : firstDayStartingAtOrAfter(from);
        long toDay = to == Long.MAX_VALUE ? Long.MAX_VALUE : Instant.ofEpochMilli(to).atZone(ctx.zone()).toLocalDate().toEpochDay();
        return new Plan.Dates(field, fromDay, toDay);
    }

    private long firstDayStartingAtOrAfter(long millis) {
        LocalDate day = Instant.ofEpochMilli(millis).atZone(ctx.zone()).toLocalDate();
        return day.atStartOfDay(ctx.zone()).toInstant().toEpochMilli() < millis ? day.toEpochDay() + 1 : day.toEpochDay();
    }
}
