package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Orders many hits by one date field by walking the field's sorted tree instead of sorting: linear in the
 * index, which beats n log n comparisons once most issues match (the default order of a broad query).
 * Same result as {@link IssueOrder}'s comparator: empty dates greatest, ties by id.
 */
final class DateWalk {
    private final IssueIndex index;

    DateWalk(IssueIndex index) {
        this.index = index;
    }

    List<Issue> walk(JqlField field, BitSet hits, boolean descending, boolean idsDescending) {
        var result = new ArrayList<Issue>(hits.cardinality());
        Postings postings = index.postings();
        BitSet empty = postings.terms(field, Set.of(Postings.EMPTY));
        empty.and(hits);
        if (descending) add(empty, result, idsDescending);
        var tree = descending ? postings.dateTree(field).descendingMap() : postings.dateTree(field);
        var group = new BitSet();
        for (SlotSet slots : tree.values()) {
            group.clear();
            slots.forEach(slot -> {
                if (hits.get(slot)) group.set(slot);
            });
            if (!group.isEmpty()) add(group, result, idsDescending);
        }
        if (!descending) add(empty, result, idsDescending);
        return result;
    }

    private void add(BitSet slots, List<Issue> out, boolean idsDescending) {
        if (slots.cardinality() == 1) {
            out.add(index.issue(slots.nextSetBit(0)));
            return;
        }
        var group = new ArrayList<Issue>();
        slots.stream().forEach(slot -> group.add(index.issue(slot)));
        group.sort((a, b) -> idsDescending ? Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id()))
                : Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())));
        out.addAll(group);
    }
}
