package dev.jirasim.simulator.jql;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A posting list of index slots, in the cheapest of three shapes: one slot held inline (most timestamps
 * belong to one issue), a hash set while small (a parent's subtasks), a bit set once large (a project, a
 * status). Memory stays near one bit per issue for the big values without paying 12 KB per rare value at
 * 100 000 issues, and a date range over single-issue timestamps touches no collection at all.
 */
final class SlotSet {
    private static final int PROMOTE_AT = 1024;
    private int single = -1;
    private Set<Integer> small;
    private BitSet bits;
    private int size;

    void add(int slot) {
        if (bits != null) {
            if (!bits.get(slot)) size++;
            bits.set(slot);
        } else if (small != null) {
            if (small.add(slot)) size++;
            if (size >= PROMOTE_AT) {
                bits = new BitSet();
                small.forEach(bits::set);
                small = null;
            }
        } else if (size == 0) {
            single = slot;
            size = 1;
        } else if (single != slot) {
            small = new HashSet<>(4);
            small.add(single);
            small.add(slot);
            size = 2;
        }
    }

    void remove(int slot) {
        if (bits != null) {
            if (bits.get(slot)) size--;
            bits.clear(slot);
        } else if (small != null) {
            if (small.remove(slot)) size--;
        } else if (size == 1 && single == slot) {
            size = 0;
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
        else if (small != null) for (int slot : small) target.set(slot);
        else if (size == 1) target.set(single);
    }

    void forEach(IntConsumer action) {
        if (bits != null) bits.stream().forEach(action);
        else if (small != null) for (int slot : small) action.accept(slot);
        else if (size == 1) action.accept(single);
    }
}
