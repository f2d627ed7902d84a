package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The postings behind {@code WAS} and {@code CHANGED}, per history field: every value an issue ever held, the issues
 * with any change, and per change its author, its from and to values and its time. A clause looks its candidates up
 * here; what the postings cannot decide alone (a time window or BY on WAS, several predicates that must hold for the
 * same change) is then checked on each candidate's periods (WAS) or changelog (CHANGED), see {@link History}.
 */
final class HistoryPostings {
    private final Map<JqlField, Map<String, SlotSet>> held = new EnumMap<>(JqlField.class);
    private final Map<JqlField, SlotSet> changed = new EnumMap<>(JqlField.class);
    private final Map<JqlField, Map<String, SlotSet>> authors = new EnumMap<>(JqlField.class);
    private final Map<JqlField, Map<String, SlotSet>> froms = new EnumMap<>(JqlField.class);
    private final Map<JqlField, Map<String, SlotSet>> tos = new EnumMap<>(JqlField.class);
    private final Map<JqlField, TreeMap<Long, SlotSet>> times = new EnumMap<>(JqlField.class);
    /** Per field, per slot, the periods of an issue that changed the field; null for the rest (one period, now). */
    private final Map<JqlField, Periods[]> periods = new EnumMap<>(JqlField.class);

    HistoryPostings() {
        for (JqlField f : History.FIELDS) {
            held.put(f, new HashMap<>());
            changed.put(f, new SlotSet());
            authors.put(f, new HashMap<>());
            froms.put(f, new HashMap<>());
            tos.put(f, new HashMap<>());
            times.put(f, new TreeMap<>());
            periods.put(f, new Periods[64]);
        }
    }

    void add(int slot, Issue issue) {
        for (JqlField f : History.FIELDS) {
            for (String v : History.held(issue, f)) held.get(f).computeIfAbsent(v, k -> new SlotSet()).add(slot);
            if (issue.changelog().isEmpty()) continue;
            Keys keys = keys(issue, f);
            if (keys.times.isEmpty()) continue;
            changed.get(f).add(slot);
            keys.authors.forEach(a -> authors.get(f).computeIfAbsent(a, k -> new SlotSet()).add(slot));
            keys.froms.forEach(a -> froms.get(f).computeIfAbsent(a, k -> new SlotSet()).add(slot));
            keys.tos.forEach(a -> tos.get(f).computeIfAbsent(a, k -> new SlotSet()).add(slot));
            keys.times.forEach(a -> times.get(f).computeIfAbsent(a, k -> new SlotSet()).add(slot));
            Periods[] table = periods.get(f);
            if (slot >= table.length) periods.put(f, table = Arrays.copyOf(table, Math.max(slot + 1, table.length * 2)));
            table[slot] = periodsOf(issue, f);
        }
    }

    void remove(int slot, Issue issue) {
        for (JqlField f : History.FIELDS) {
            for (String v : History.held(issue, f)) drop(held.get(f), v, slot);
            if (issue.changelog().isEmpty()) continue;
            Keys keys = keys(issue, f);
            if (keys.times.isEmpty()) continue;
            changed.get(f).remove(slot);
            keys.authors.forEach(a -> drop(authors.get(f), a, slot));
            keys.froms.forEach(a -> drop(froms.get(f), a, slot));
            keys.tos.forEach(a -> drop(tos.get(f), a, slot));
            keys.times.forEach(a -> drop(times.get(f), a, slot));
            periods.get(f)[slot] = null;
        }
    }

    /**
     * An issue's periods of one field, flattened once when it is indexed so that a WAS with a time window or BY
     * compares arrays instead of walking the changelog per query: {@code times} holds each period's start and end,
     * {@code texts} its value and setter, in postings form (values shared through {@link #canonical}, so a hundred
     * thousand issues that were "in progress" hold one string).
     */
    private record Periods(String[] texts, long[] times) {
        boolean was(Set<String> wanted, long lo, long hi, Set<String> by) {
            for (int i = 0; i < times.length; i += 2) {
                if (times[i] <= hi && times[i + 1] >= lo && wanted.contains(texts[i]) && (by == null || by.contains(texts[i + 1]))) return true;
            }
            return false;
        }
    }

    private final Map<String, String> canonical = new HashMap<>();

    private Periods periodsOf(Issue issue, JqlField f) {
        var texts = new ArrayList<String>();
        var times = new ArrayList<Long>();
        History.periods(issue, f, (raw, start, end, setter) -> {
            String key = History.key(f, raw);
            texts.add(canonical.computeIfAbsent(key, k -> k));
            texts.add(setter);
            times.add(start);
            times.add(end);
            return false;
        });
        long[] flat = new long[times.size()];
        for (int i = 0; i < flat.length; i++) flat[i] = times.get(i);
        return new Periods(texts.toArray(String[]::new), flat);
    }

    private record Keys(Set<String> authors, Set<String> froms, Set<String> tos, Set<Long> times) {
    }

    private static Keys keys(Issue issue, JqlField f) {
        var keys = new Keys(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        History.changes(issue, f, c -> {
            keys.authors.add(c.author());
            keys.froms.add(c.from());
            keys.tos.add(c.to());
            keys.times.add(c.at());
        });
        return keys;
    }

    private static <K> void drop(Map<K, SlotSet> map, K key, int slot) {
        SlotSet set = map.get(key);
        if (set == null) return;
        set.remove(slot);
        if (set.isEmpty()) map.remove(key);
    }

    private static BitSet union(Map<String, SlotSet> map, Collection<String> keys) {
        var result = new BitSet();
        for (String k : keys) {
            SlotSet set = map.get(k);
            if (set != null) set.orInto(result);
        }
        return result;
    }

    private static int size(Map<String, SlotSet> map, Collection<String> keys) {
        int n = 0;
        for (String k : keys) {
            SlotSet set = map.get(k);
            if (set != null) n += set.size();
        }
        return n;
    }

    /** At most how many issues a clause can match, for ordering AND's operands. */
    int estimate(Plan.History h) {
        if (!h.changed()) return size(held.get(h.field()), h.values());
        int n = changed.get(h.field()).size();
        if (h.by() != null) n = Math.min(n, size(authors.get(h.field()), h.by()));
        if (h.from() != null) n = Math.min(n, size(froms.get(h.field()), h.from()));
        if (h.to() != null) n = Math.min(n, size(tos.get(h.field()), h.to()));
        return n;
    }

    /** The slots of {@code within} that satisfy the clause. */
    BitSet eval(Plan.History h, BitSet within, IssueIndex index) {
        JqlField f = h.field();
        boolean window = h.lo() != Long.MIN_VALUE || h.hi() != Long.MAX_VALUE;
        BitSet candidates;
        int kinds;
        if (!h.changed()) {
            candidates = union(held.get(f), h.values());
            candidates.and(within);
            if (!window && h.by() == null) return candidates;   // every value ever held: exact
            kinds = 2;
        } else {
            candidates = new BitSet();
            changed.get(f).orInto(candidates);
            candidates.and(within);
            kinds = 0;
            if (h.by() != null) {
                candidates.and(union(authors.get(f), h.by()));
                kinds++;
            }
            if (h.from() != null) {
                candidates.and(union(froms.get(f), h.from()));
                kinds++;
            }
            if (h.to() != null) {
                candidates.and(union(tos.get(f), h.to()));
                kinds++;
            }
            if (window) {
                kinds++;
                // Few candidates: cheaper to check their changelogs than to walk the window's times.
                if (kinds == 1 || candidates.cardinality() * 8L >= index.count()) {
                    var inWindow = new BitSet();
                    if (h.lo() <= h.hi()) times.get(f).subMap(h.lo(), true, h.hi(), true).values().forEach(s -> s.orInto(inWindow));
                    candidates.and(inWindow);
                    if (kinds == 1) return candidates;
                }
            }
            if (kinds <= 1) return candidates;   // one kind of predicate: the postings decide alone
        }
        var result = new BitSet();
        if (!h.changed()) {
            // An issue that never changed the field held its current value (one of the wanted, being a candidate)
            // from its creation on, set by its creator; the others compare their indexed periods.
            Periods[] table = periods.get(f);
            for (int slot = candidates.nextSetBit(0); slot >= 0; slot = candidates.nextSetBit(slot + 1)) {
                Periods p = slot < table.length ? table[slot] : null;
                boolean hit;
                if (p != null) {
                    hit = p.was(h.values(), h.lo(), h.hi(), h.by());
                } else {
                    Issue issue = index.issue(slot);
                    hit = issue.created().toEpochMilli() <= h.hi() && (h.by() == null || h.by().contains(History.person(issue.creator())));
                }
                if (hit) result.set(slot);
            }
            return result;
        }
        for (int slot = candidates.nextSetBit(0); slot >= 0; slot = candidates.nextSetBit(slot + 1)) {
            Issue issue = index.issue(slot);
            if (History.changed(issue, f, h.from(), h.to(), h.by(), h.lo(), h.hi())) result.set(slot);
        }
        return result;
    }
}
