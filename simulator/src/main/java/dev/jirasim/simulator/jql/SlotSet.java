package dev.jirasim.simulator.jql;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A posting list of index slots. Small sets (a parent's subtasks, one timestamp's issues) stay a hash set;
 * once a set is large it becomes a bit set, so memory stays near one bit per issue for the big values
 * (a project, a status) without paying 12 KB per rare value at 100 000 issues.
 */
final class SlotSet {
    private static final int PROMOTE_AT = 1024;
    private Set<Integer> small = new HashSet<>(4);
    private BitSet bits;
    private int size;

    void add(int slot) {
        if (bits != null) {
            if (!bits.get(slot)) size++;
            bits.set(slot);
            return;
        }
        if (small.add(slot)) size++;
        if (size >= PROMOTE_AT) {
            bits = new BitSet();
            small.forEach(bits::set);
            small = null;
        }
    }

    void remove(int slot) {
        if (bits != null) {
            if (bits.get(slot)) size--;
            bits.clear(slot);
        } else if (small.remove(slot)) {
            size--;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds every slot of this set to {@code target}. */
    void orInto(BitSet target) {
        if (bits != null) target.or(bits);
        else for (int slot : small) target.set(slot);
    }

    void forEach(IntConsumer action) {
        if (bits != null) bits.stream().forEach(action);
        else for (int slot : small) action.accept(slot);
    }
}
