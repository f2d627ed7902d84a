package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Orders hits by one date field by walking the field's sorted tree between the earliest and the latest hit
 * instead of sorting: linear in that stretch of the index, which beats n log n comparisons when hits are
 * dense there (a date-range query, the default order of a broad query) and stops after the first page.
 * Same result as {@link IssueOrder}'s comparator: empty dates greatest, ties by id.
 */
final class DateWalk {
    private final IssueIndex index;

    DateWalk(IssueIndex index) {
        this.index = index;
    }

    /** The first {@code limit} hits in date order; {@code bounds} (inclusive, may be null) limits the walk. */
    List<Issue> walk(JqlField field, BitSet hits, boolean descending, boolean idsDescending, int limit, long[] bounds) {
        var result = new ArrayList<Issue>(Math.min(limit, hits.cardinality()));
        Postings postings = index.postings();
        BitSet empty = postings.terms(field, Set.of(Postings.EMPTY));
        empty.and(hits);
        var group = new ArrayList<Integer>();
        if (descending) addSorted(slots(empty), result, idsDescending);
        var span = bounds == null ? postings.dateTree(field) : postings.dateTree(field).subMap(bounds[0], true, bounds[1], true);
        var tree = descending ? span.descendingMap() : span;
        for (SlotSet slots : tree.values()) {
            if (result.size() >= limit) break;
            if (slots.size() == 1) {
                slots.forEach(slot -> {
                    if (hits.get(slot)) result.add(index.issue(slot));
                });
                continue;
            }
            group.clear();
            slots.forEach(slot -> {
                if (hits.get(slot)) group.add(slot);
            });
            addSorted(group, result, idsDescending);
        }
        if (!descending && result.size() < limit) addSorted(slots(empty), result, idsDescending);
        return result.size() > limit ? new ArrayList<>(result.subList(0, limit)) : result;
    }

    /** The earliest and latest date key among the hits, or null when none has one. Costs one pass over the hits. */
    static long[] bounds(IssueIndex index, JqlField field, BitSet hits) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int slot = hits.nextSetBit(0); slot >= 0; slot = hits.nextSetBit(slot + 1)) {
            long at = Postings.dateKey(field, index.issue(slot), Long.MIN_VALUE);
            if (at != Long.MIN_VALUE) {
                min = Math.min(min, at);
                max = Math.max(max, at);
            }
        }
        return min > max ? null : new long[] {min, max};
    }

    private static List<Integer> slots(BitSet bits) {
        var list = new ArrayList<Integer>(bits.cardinality());
        bits.stream().forEach(list::add);
        return list;
    }

    private void addSorted(List<Integer> slots, List<Issue> out, boolean idsDescending) {
        if (slots.size() > 1) {
            slots.sort((a, b) -> idsDescending ? Long.compare(index.numericId(b), index.numericId(a))
                    : Long.compare(index.numericId(a), index.numericId(b)));
        }
        for (int slot : slots) out.add(index.issue(slot));
    }
}
