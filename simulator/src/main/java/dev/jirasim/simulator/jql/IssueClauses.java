package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Clauses on {@code key} (alias {@code issuekey}, {@code issue}, {@code id}): keys and numeric ids are looked
 * up once at compile time. An unknown or invisible key is an error, as in Jira; an unknown numeric id simply
 * matches nothing. Ranges compare key numbers within one project ({@code key > ABC-10}) or ids.
 */
final class IssueClauses {
    private final IssueIndex index;
    private final ValueResolver values;
    private final List<String> errors;

    IssueClauses(IssueIndex index, ValueResolver values, List<String> errors) {
        this.index = index;
        this.values = values;
        this.errors = errors;
    }

    Plan key(Clause.Terminal t) {
        if (t.operator().isRelational()) return range(t);
        var slots = new BitSet();
        for (Operand o : JqlCompiler.flatten(t.operand())) {
            if (o instanceof Operand.Empty) continue;   // every issue has a key
            if (o instanceof Operand.Call call) {
                errors.add(values.misplacedFunction(call, t.field()));
                continue;
            }
            String text = o instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) o).text();
            if (!ValueResolver.looksLikeKey(text) && !text.matches("[0-9]+")) {
                errors.add(JqlMessages.badIssueKey(text, t.field()));
                continue;
            }
            Optional<Issue> issue = values.issue(text);
            if (issue.isPresent()) slots.set(index.slotOfId(issue.get().id()));
            else if (!text.matches("[0-9]+")) errors.add(JqlMessages.noSuchIssue(text, t.field()));
        }
        Plan plan = new Plan.Slots(slots);
        return t.operator().isNegative() ? new Plan.Not(plan) : plan;
    }

    private Plan range(Clause.Terminal t) {
        Operand o = t.operand();
        if (o instanceof Operand.Call call) {
            errors.add(values.misplacedFunction(call, t.field()));
            return new Plan.Nothing();
        }
        String text = o instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) o).text();
        if (text.matches("[0-9]+")) {
            long[] bounds = bounds(t.operator(), Long.parseLong(text));
            return new Plan.IdRange(bounds[0], bounds[1]);
        }
        if (!ValueResolver.looksLikeKey(text)) {
            errors.add(JqlMessages.badIssueKey(text, t.field()));
            return new Plan.Nothing();
        }
        String project = text.substring(0, text.lastIndexOf('-')).toUpperCase(Locale.ROOT);
        if (values.project(project).isEmpty()) {
            errors.add(JqlMessages.noSuchIssue(text, t.field()));
            return new Plan.Nothing();
        }
        long[] bounds = bounds(t.operator(), Long.parseLong(text.substring(text.lastIndexOf('-') + 1)));
        return new Plan.KeyRange(project, bounds[0], bounds[1]);
    }

    /** Inclusive bounds for a relational operator against {@code v}; from > to when nothing can match. */
    static long[] bounds(Operator op, long v) {
        return switch (op) {
            case GREATER_THAN -> v == Long.MAX_VALUE ? new long[] {1, 0} : new long[] {v + 1, Long.MAX_VALUE};
            case GREATER_THAN_EQUALS -> new long[] {v, Long.MAX_VALUE};
            case LESS_THAN -> v == Long.MIN_VALUE ? new long[] {1, 0} : new long[] {Long.MIN_VALUE, v - 1};
            default -> new long[] {Long.MIN_VALUE, v};
        };
    }
}
