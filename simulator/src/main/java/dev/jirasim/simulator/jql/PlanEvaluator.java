package dev.jirasim.simulator.jql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;

/**
 * Runs a {@link Plan} on an index, under its read lock. AND evaluates its operands cheapest first (slots,
 * then postings smallest first, then date and custom-field ranges, then scans) and hands each the result so far, so a text
 * clause only scans what the indexed clauses left. OR unions; NOT complements within the given set.
 */
final class PlanEvaluator {
    private final IssueIndex index;

    PlanEvaluator(IssueIndex index) {
        this.index = index;
    }

    /** The slots of {@code within} that satisfy {@code plan}. */
    BitSet eval(Plan plan, BitSet within) {
        if (plan instanceof Plan.And and) return and(and, within);
        if (plan instanceof Plan.Or or) {
            var result = new BitSet();
            for (Plan p : or.parts()) result.or(eval(p, within));
            return result;
        }
        if (plan instanceof Plan.Not not) {
            var result = (BitSet) within.clone();
            result.andNot(eval(not.plan(), within));
            return result;
        }
        BitSet result = leaf(plan, within);
        result.and(within);
        return result;
    }

    private BitSet and(Plan.And and, BitSet within) {
        var parts = mergeDateRanges(and.parts());
        parts.sort(Comparator.comparingLong(this::cost));
        BitSet current = within;
        for (Plan p : parts) {
            current = eval(p, current);
            if (current.isEmpty()) break;
        }
        return current == within ? (BitSet) within.clone() : current;
    }

    /** {@code created >= -30d AND created < startOfDay()} becomes one range: one walk of the tree, not two. */
    private static List<Plan> mergeDateRanges(List<Plan> parts) {
        var merged = new ArrayList<Plan>();
        var ranges = new EnumMap<JqlField, Plan.Dates>(JqlField.class);
        for (Plan p : parts) {
            if (p instanceof Plan.Dates d) {
                ranges.merge(d.field(), d, (a, b) -> new Plan.Dates(a.field(), Math.max(a.from(), b.from()), Math.min(a.to(), b.to())));
            } else {
                merged.add(p);
            }
        }
        merged.addAll(ranges.values());
        return merged;
    }

    private BitSet leaf(Plan plan, BitSet within) {
        Postings postings = index.postings();
        if (plan instanceof Plan.Terms t) return postings.terms(t.field(), t.values());
        if (plan instanceof Plan.Dates d) return dates(d, within);
        if (plan instanceof Plan.Custom c) return postings.custom(c.field(), c.values());
        if (plan instanceof Plan.CustomRange r) return customRange(r, within);
        if (plan instanceof Plan.Slots s) return (BitSet) s.slots().clone();
        if (plan instanceof Plan.History h) return index.history().eval(h, within, index);
        var result = new BitSet();
        if (plan instanceof Plan.KeyRange k) {
            BitSet inProject = postings.terms(JqlField.PROJECT, List.of(k.project()));
            inProject.and(within);
            inProject.stream().filter(slot -> {
                long n = index.issue(slot).number();
                return n >= k.from() && n <= k.to();
            }).forEach(result::set);
        } else if (plan instanceof Plan.IdRange r) {
            within.stream().filter(slot -> index.numericId(slot) >= r.from() && index.numericId(slot) <= r.to()).forEach(result::set);
        } else if (plan instanceof Plan.Text t) {
            within.stream().filter(slot -> index.text(slot).matches(t.field(), t.query())).forEach(result::set);
        } else if (plan instanceof Plan.Scan s) {
            within.stream().filter(slot -> s.test().test(index.issue(slot))).forEach(result::set);
        }
        return result;
    }

    /**
     * A date range either from the tree (cost: issues in the range) or, when earlier AND operands already
     * narrowed the candidates to a few, by checking each candidate's date (cost: candidates).
     */
    private BitSet dates(Plan.Dates d, BitSet within) {
        if (within.cardinality() * 8L >= index.count()) return index.postings().dates(d.field(), d.from(), d.to());
        var result = new BitSet();
        within.stream().forEach(slot -> {
            Long at = Postings.dateKey(d.field(), index.issue(slot));
            if (at != null && at >= d.from() && at <= d.to()) result.set(slot);
        });
        return result;
    }

    /** As {@link #dates}: the field's sorted values, or each candidate's value when the candidates are few. */
    private BitSet customRange(Plan.CustomRange r, BitSet within) {
        if (within.cardinality() * 8L >= index.count()) return index.postings().customRange(r.field(), r.op(), r.bound());
        var result = new BitSet();
        within.stream().filter(slot -> Postings.customCompares(index.issue(slot), r.field(), r.op(), r.bound())).forEach(result::set);
        return result;
    }

    /** A rough cost: lookups by slot, then postings by size, then date ranges, composites, scans last. */
    private long cost(Plan plan) {
        if (plan instanceof Plan.Slots || plan instanceof Plan.Nothing) return 0;
        if (plan instanceof Plan.Terms t) return 1 + index.postings().estimate(t.field(), t.values());
        if (plan instanceof Plan.Custom c) return 1 + index.postings().estimateCustom(c.field(), c.values());
        if (plan instanceof Plan.History h) return 1 + 2L * index.history().estimate(h);
        if (plan instanceof Plan.Dates || plan instanceof Plan.CustomRange) return 1L << 32;
        if (plan instanceof Plan.KeyRange) return 1L << 33;
        if (plan instanceof Plan.And and) return and.parts().stream().mapToLong(this::cost).min().orElse(0);
        if (plan instanceof Plan.Or or) return or.parts().stream().mapToLong(this::cost).max().orElse(0) + (1L << 31);
        if (plan instanceof Plan.Not not) return cost(not.plan()) + (1L << 34);
        if (plan instanceof Plan.IdRange) return 1L << 40;
        return 1L << 41;
    }
}
