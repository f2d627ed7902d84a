package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Orders hits by one date field by walking the field's sorted tree instead of sorting: linear in the index, which
 * beats reading every hit's issue when hits are most of the index (the default order of a broad query), and stops
 * after the first page.
 * Same result as {@link IssueOrder}'s comparator: empty dates greatest, ties by id.
 */
final class DateWalk {
    private final IssueIndex index;

    DateWalk(IssueIndex index) {
        this.index = index;
    }

    /** The first {@code limit} hits in date order. */
    List<Issue> walk(JqlField field, BitSet hits, boolean descending, boolean idsDescending, int limit) {
        var result = new ArrayList<Issue>(Math.min(limit, hits.cardinality()));
        Postings postings = index.postings();
        BitSet empty = postings.terms(field, Set.of(Postings.EMPTY));
        empty.and(hits);
        var group = new ArrayList<Integer>();
        if (descending) addSorted(slots(empty), result, idsDescending);
        var tree = descending ? postings.dateTree(field).descendingMap() : postings.dateTree(field);
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
