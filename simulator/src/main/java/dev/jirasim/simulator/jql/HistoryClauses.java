package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles {@code WAS}, {@code WAS NOT}, {@code WAS IN}, {@code WAS NOT IN} and {@code CHANGED} clauses. Values
 * (of WAS, FROM and TO) resolve as in the field's ordinary clauses, with the same "does not exist" errors; BY takes
 * users ({@code currentUser()} too); AFTER, BEFORE and ON take a date, DURING a list of two, in every form a date
 * clause accepts. All time predicates narrow one window: AFTER d is after d, BEFORE d before it, ON d the searcher's
 * day containing d, DURING (a, b) from a to b inclusive. WAS NOT is the complement of WAS among the visible issues:
 * issues that never held the value (in the window).
 */
final class HistoryClauses {
    private final SearchContext ctx;
    private final ValueResolver values;
    private final List<String> errors;

    HistoryClauses(SearchContext ctx, ValueResolver values, List<String> errors) {
        this.ctx = ctx;
        this.values = values;
        this.errors = errors;
    }

    Plan compile(JqlField field, Clause.Terminal t) {
        boolean changed = t.operator() == Operator.CHANGED;
        Set<String> wanted = null;
        if (!changed) wanted = resolve(field, t.field(), t.operand());
        Set<String> from = null;
        Set<String> to = null;
        Set<String> by = null;
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        for (HistoryPredicate p : t.predicates()) {
            switch (p.kind()) {
                case FROM, TO -> {
                    if (!changed) {
                        errors.add(JqlMessages.predicateNotSupported(p.kind(), t.operator()));
                        continue;
                    }
                    Set<String> v = resolve(field, t.field(), p.operand());
                    if (p.kind() == HistoryPredicate.Kind.FROM) from = intersect(from, v);
                    else to = intersect(to, v);
                }
                case BY -> by = intersect(by, users(p.operand()));
                case AFTER, BEFORE, ON -> {
                    if (p.operand() instanceof Operand.ListOf) {
                        errors.add(JqlMessages.predicateOneDate(p.kind()));
                        continue;
                    }
                    Instant at = date(p.kind(), p.operand());
                    if (at == null) continue;
                    long ms = at.toEpochMilli();
                    if (p.kind() == HistoryPredicate.Kind.AFTER) {
                        lo = Math.max(lo, ms == Long.MAX_VALUE ? ms : ms + 1);
                    } else if (p.kind() == HistoryPredicate.Kind.BEFORE) {
                        hi = Math.min(hi, ms == Long.MIN_VALUE ? ms : ms - 1);
                    } else {
                        LocalDate day = at.atZone(ctx.zone()).toLocalDate();
                        lo = Math.max(lo, day.atStartOfDay(ctx.zone()).toInstant().toEpochMilli());
                        hi = Math.min(hi, day.plusDays(1).atStartOfDay(ctx.zone()).toInstant().toEpochMilli() - 1);
                    }
                }
                case DURING -> {
                    List<Operand> ends = JqlCompiler.flatten(p.operand());
                    if (!(p.operand() instanceof Operand.ListOf) || ends.size() != 2) {
                        errors.add(JqlMessages.DURING_TWO_DATES);
                        continue;
                    }
                    Instant start = date(p.kind(), ends.get(0));
                    Instant end = date(p.kind(), ends.get(1));
                    if (start == null || end == null) continue;
                    lo = Math.max(lo, start.toEpochMilli());
                    hi = Math.min(hi, end.toEpochMilli());
                }
                default -> throw new IllegalStateException("unknown predicate " + p.kind());
            }
        }
        Plan plan = new Plan.History(field, changed, wanted, from, to, by, lo, hi);
        // An issue created after the window held nothing in it: the creation-date tree narrows the candidates whose
        // changelogs are checked (the evaluator runs the cheaper part first).
        if (!changed && hi != Long.MAX_VALUE) plan = new Plan.And(List.of(new Plan.Dates(JqlField.CREATED, Long.MIN_VALUE, hi), plan));
        boolean negative = t.operator() == Operator.WAS_NOT || t.operator() == Operator.WAS_NOT_IN;
        return negative ? new Plan.Not(plan) : plan;
    }

    /** Several FROM (or TO, or BY) predicates must all hold for one change: only values named by each can. */
    private static Set<String> intersect(Set<String> so, Set<String> more) {
        if (so == null) return more;
        var out = new HashSet<>(so);
        out.retainAll(more);
        return out;
    }

    private Set<String> resolve(JqlField field, String name, Operand operand) {
        var out = new HashSet<String>();
        for (Operand o : JqlCompiler.flatten(operand)) {
            String v = values.resolve(field, name, o);
            if (v != null) out.add(v);
        }
        return out;
    }

    /** BY's users as account ids; EMPTY stands for changes Jira made itself (no author). */
    private Set<String> users(Operand operand) {
        var out = new HashSet<String>();
        for (Operand o : JqlCompiler.flatten(operand)) {
            if (o instanceof Operand.Empty) {
                out.add(Postings.EMPTY);
            } else if (o instanceof Operand.Call call) {
                if (!call.name().equalsIgnoreCase("currentUser")) {
                    errors.add(values.misplacedFunction(call, "by"));
                } else if (!call.args().isEmpty()) {
                    errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
                } else {
                    out.add(ctx.accountId() == null ? ValueResolver.NO_MATCH : ctx.accountId());
                }
            } else {
                String text = o instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) o).text();
                Optional<User> user = ctx.users().apply(text);
                if (user.isPresent()) out.add(user.get().accountId());
                else errors.add(JqlMessages.noSuchUserForBy(text));
            }
        }
        return out;
    }

    private Instant date(HistoryPredicate.Kind kind, Operand operand) {
        if (operand instanceof Operand.Value v) {
            Instant at = JqlDates.parse(v.text(), false, ctx);
            if (at == null) errors.add(JqlMessages.badPredicateDate(v.text(), kind));
            return at;
        }
        if (operand instanceof Operand.Empty) {
            errors.add(JqlMessages.badPredicateDate("EMPTY", kind));
            return null;
        }
        if (operand instanceof Operand.Call call && call.name().equalsIgnoreCase("currentUser")) {
            errors.add(JqlMessages.predicateFunctionNotDate(call.name(), kind));
            return null;
        }
        if (operand instanceof Operand.ListOf) {
            errors.add(JqlMessages.predicateOneDate(kind));
            return null;
        }
        return JqlDates.resolve(operand, kind.display(), false, ctx, errors);
    }
}
