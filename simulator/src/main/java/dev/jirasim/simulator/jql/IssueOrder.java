package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * ORDER BY. Without one, results come newest first ({@code created DESC}, then id DESC): Jira does not
 * document its default for /search/jql, and this is the issue navigator's. Ties are broken by issue id
 * (ascending after an explicit ORDER BY) so that pages never overlap. Empty values sort as greater than any
 * value: last when ascending, first when descending. Users sort by display name, catalog values by their
 * catalog order (priority: Highest is greatest, so {@code priority DESC} puts Highest first).
 */
final class IssueOrder {
    static final int MAX_FIELDS = 7;
    private final IssueIndex index;
    private final SearchContext ctx;
    private final Map<String, String> userNames = new HashMap<>();

    IssueOrder(IssueIndex index, SearchContext ctx) {
        this.index = index;
        this.ctx = ctx;
    }

    static List<String> validate(List<SortField> orderBy) {
        var errors = new ArrayList<String>();
        for (SortField s : orderBy) {
            if (JqlField.of(s.field()).filter(f -> f.sortable).isEmpty()) errors.add(JqlMessages.notSortable(s.field()));
        }
        if (orderBy.size() > MAX_FIELDS) errors.add(JqlMessages.tooManySortFields(MAX_FIELDS));
        return errors;
    }

    /** The first {@code limit} hits in order. */
    List<Issue> sort(BitSet hits, List<SortField> orderBy, int limit) {
        boolean byDefault = orderBy.isEmpty();
        List<SortField> keys = byDefault ? List.of(new SortField("created", SortField.Direction.DESC)) : orderBy;
        boolean idsDescending = byDefault;
        JqlField first = JqlField.of(keys.get(0).field()).orElseThrow();
        SortField.Direction direction = direction(keys.get(0), first);
        if (keys.size() == 1 && first.kind == JqlField.Kind.DATE) {
            List<Issue> walked = walk(first, hits, direction == SortField.Direction.DESC, idsDescending, limit);
            if (walked != null) return walked;
            List<Issue> packed = sortByDate(first, hits, direction == SortField.Direction.DESC, idsDescending, limit);
            if (packed != null) return packed;
        }
        Comparator<Issue> order = null;
        for (SortField key : keys) {
            JqlField field = JqlField.of(key.field()).orElseThrow();
            Comparator<Issue> c = comparator(field);
            if (direction(key, field) == SortField.Direction.DESC) c = c.reversed();
            order = order == null ? c : order.thenComparing(c);
        }
        Comparator<Issue> byFields = order;
        Comparator<Integer> byId = (a, b) -> Long.compare(index.numericId(a), index.numericId(b));
        Comparator<Integer> bySlot = ((Comparator<Integer>) (a, b) -> byFields.compare(index.issue(a), index.issue(b)))
                .thenComparing(idsDescending ? byId.reversed() : byId);
        var slots = new ArrayList<Integer>(hits.cardinality());
        hits.stream().forEach(slots::add);
        slots.sort(bySlot);
        var result = new ArrayList<Issue>(Math.min(limit, slots.size()));
        for (int i = 0; i < slots.size() && i < limit; i++) result.add(index.issue(slots.get(i)));
        return result;
    }

    /**
     * Orders by one date field by walking its tree from the start when a short page of many hits is asked for (the
     * walk stops early) or when the hits are most of the index (the walk reads the tree in order, where a sort reads
     * every hit's issue); null otherwise, when sorting the hits themselves is cheaper (see {@link #sortByDate}).
     */
    private List<Issue> walk(JqlField field, BitSet hits, boolean descending, boolean idsDescending, int limit) {
        int n = hits.cardinality();
        if (limit * 64L < n || n * 2L > index.count()) return new DateWalk(index).walk(field, hits, descending, idsDescending, limit);
        return null;
    }

    private static final int SLOT_BITS = 27;

    /**
     * Orders by one date field with a primitive sort: each hit becomes one long, its date (less the earliest) above its
     * slot, so that a plain {@code Arrays.sort} orders by date; runs of one date are then ordered by id. Comparator
     * sorts over boxed slots cost several times more at tens of thousands of hits. Null when the dates or slots do
     * not fit the packing (a span of over two millennia, or over 134 million slots).
     */
    private List<Issue> sortByDate(JqlField field, BitSet hits, boolean descending, boolean idsDescending, int limit) {
        int n = hits.cardinality();
        long[] packed = new long[n];
        int[] slots = new int[n];
        var empty = new ArrayList<Integer>();
        int count = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int slot = hits.nextSetBit(0); slot >= 0; slot = hits.nextSetBit(slot + 1)) {
            if (slot >= 1 << SLOT_BITS) return null;
            long at = Postings.dateKey(field, index.issue(slot), Long.MIN_VALUE);
            if (at == Long.MIN_VALUE) {
                empty.add(slot);
                continue;
            }
            packed[count] = at;
            slots[count++] = slot;
            min = Math.min(min, at);
            max = Math.max(max, at);
        }
        if (count > 0 && max - min >= 1L << (63 - SLOT_BITS)) return null;
        for (int k = 0; k < count; k++) packed[k] = (packed[k] - min) << SLOT_BITS | slots[k];
        Arrays.sort(packed, 0, count);
        var result = new ArrayList<Issue>(Math.min(limit, n));
        if (descending) addById(empty, result, idsDescending, limit);   // empty sorts greater than any date
        var run = new ArrayList<Integer>();
        int i = descending ? count - 1 : 0;
        while ((descending ? i >= 0 : i < count) && result.size() < limit) {
            long date = packed[i] >>> SLOT_BITS;
            run.clear();
            while ((descending ? i >= 0 : i < count) && packed[i] >>> SLOT_BITS == date) {
                run.add((int) (packed[i] & ((1L << SLOT_BITS) - 1)));
                i += descending ? -1 : 1;
            }
            addById(run, result, idsDescending, limit);
        }
        if (!descending) addById(empty, result, idsDescending, limit);
        return result;
    }

    private void addById(List<Integer> slots, List<Issue> out, boolean idsDescending, int limit) {
        if (slots.size() > 1) {
            Comparator<Integer> byId = (a, b) -> Long.compare(index.numericId(a), index.numericId(b));
            slots.sort(idsDescending ? byId.reversed() : byId);
        }
        for (int k = 0; k < slots.size() && out.size() < limit; k++) out.add(index.issue(slots.get(k)));
    }

    private static SortField.Direction direction(SortField key, JqlField field) {
        return key.direction() != null ? key.direction() : field.defaultDirection();
    }

    private Comparator<Issue> comparator(JqlField field) {
        return switch (field) {
            case PROJECT -> emptyLast(Issue::project);
            case ISSUE_KEY -> emptyLast(Issue::project).thenComparingLong(Issue::number);
            case ISSUE_TYPE -> emptyLast(i -> JiraCatalog.ISSUE_TYPES.indexOf(JiraCatalog.issueType(i.issueType()).orElse(null)));
            case STATUS -> emptyLast(i -> JiraCatalog.STATUSES.indexOf(JiraCatalog.status(i.status()).orElse(null)));
            case PRIORITY -> emptyLast(i -> -JiraCatalog.PRIORITIES.indexOf(JiraCatalog.priority(i.priority()).orElse(null)));
            case RESOLUTION -> emptyLast(i -> i.resolution() == null ? null
                    : JiraCatalog.RESOLUTIONS.indexOf(JiraCatalog.resolution(i.resolution()).orElse(null)));
            case ASSIGNEE -> emptyLast(i -> userName(i.assignee()));
            case REPORTER -> emptyLast(i -> userName(i.reporter()));
            case CREATOR -> emptyLast(i -> userName(i.creator()));
            case SUMMARY -> emptyLast(i -> i.summary().toLowerCase(Locale.ROOT));
            case CREATED -> emptyLast(Issue::created);
            case UPDATED -> emptyLast(Issue::updated);
            case RESOLVED -> emptyLast(Issue::resolved);
            case DUEDATE -> emptyLast(Issue::duedate);
            default -> throw new IllegalArgumentException("not sortable: " + field);
        };
    }

    private String userName(String accountId) {
        if (accountId == null) return null;
        return userNames.computeIfAbsent(accountId, id -> ctx.users().apply(id).map(User::displayName).orElse(id).toLowerCase(Locale.ROOT));
    }

    private static <T extends Comparable<? super T>> Comparator<Issue> emptyLast(Function<Issue, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
