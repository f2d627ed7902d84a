package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Value → slots maps for the keyword fields and time → slots trees for the dates. Values are normalised as
 * the compiler normalises query values: project and parent keys upper case, catalog names and labels lower
 * case, account ids as they are. The value {@link #EMPTY} holds the issues without one, so IS EMPTY is a
 * lookup too. Dates are epoch milliseconds, due dates epoch days.
 *
 * <p>Custom fields are held by field id, whatever the site calls them (ids differ between sites, and the
 * index needs no field definitions): value → slots, with {@link #ANY} for the issues having a value at all
 * (an empty sprint list counts as a value, as the field is there), plus a sorted map per field for
 * {@code > >= < <=}. Keys follow the value's world form (see {@link dev.jirasim.simulator.world.CustomField}),
 * which the loader and the REST writes check against the field's type: a number is a {@code Double} (story
 * points, numbers), a list member a {@code Long} (sprint ids) or a string as it is (account ids), a single
 * string lower case (select options, teams, dates, text). Numbers also go into a {@code Double} tree, single
 * strings as they are into a {@code String} tree (dates compare as {@code yyyy-MM-dd} text).
 */
final class Postings {
    static final String EMPTY = "";
    /** The custom-field key that every issue with a value in the field has; equal to no value. */
    static final Object ANY = Marker.ANY;

    private enum Marker { ANY }

    private final Map<JqlField, Map<String, SlotSet>> terms = new EnumMap<>(JqlField.class);
    private final Map<JqlField, TreeMap<Long, SlotSet>> dates = new EnumMap<>(JqlField.class);
    private final Map<String, Map<Object, SlotSet>> custom = new HashMap<>();
    private final Map<String, TreeMap<Double, SlotSet>> customNumbers = new HashMap<>();
    private final Map<String, TreeMap<String, SlotSet>> customTexts = new HashMap<>();

    void add(int slot, Issue issue, TextDoc text) {
        each(issue, text, (field, value) -> terms.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new SlotSet()).add(slot));
        eachDate(issue, (field, at) -> dates.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(at, v -> new SlotSet()).add(slot));
        issue.customFields().forEach((field, value) -> {
            eachCustom(value, key -> custom.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(key, k -> new SlotSet()).add(slot));
            if (value instanceof Number n) customNumbers.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(n.doubleValue(), k -> new SlotSet()).add(slot);
            if (value instanceof String s) customTexts.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(s, k -> new SlotSet()).add(slot);
        });
    }

    void remove(int slot, Issue issue, TextDoc text) {
        each(issue, text, (field, value) -> {
            Map<String, SlotSet> values = terms.get(field);
            SlotSet set = values.get(value);
            set.remove(slot);
            if (set.isEmpty()) values.remove(value);
        });
        eachDate(issue, (field, at) -> {
            TreeMap<Long, SlotSet> tree = dates.get(field);
            SlotSet set = tree.get(at);
            set.remove(slot);
            if (set.isEmpty()) tree.remove(at);
        });
        issue.customFields().forEach((field, value) -> {
            eachCustom(value, key -> drop(custom.get(field), key, slot));
            if (value instanceof Number n) drop(customNumbers.get(field), n.doubleValue(), slot);
            if (value instanceof String s) drop(customTexts.get(field), s, slot);
        });
    }

    /** Removes a slot from one value's set; a list may name a value twice, so the second time finds nothing. */
    private static <K> void drop(Map<K, SlotSet> values, K key, int slot) {
        SlotSet set = values == null ? null : values.get(key);
        if (set == null) return;
        set.remove(slot);
        if (set.isEmpty()) values.remove(key);
    }

    /** The keys one custom field value is found under: {@link #ANY}, then its value(s) in key form. */
    private static void eachCustom(Object value, java.util.function.Consumer<Object> sink) {
        sink.accept(ANY);
        if (value instanceof java.util.List<?> list) {
            for (Object x : list) sink.accept(x instanceof Number n ? (Object) n.longValue() : x);
        } else if (value instanceof Number n) {
            sink.accept(n.doubleValue());
        } else if (value instanceof String s) {
            sink.accept(s.toLowerCase(Locale.ROOT));
        }
    }

    private static void each(Issue issue, TextDoc text, BiConsumer<JqlField, String> sink) {
        sink.accept(JqlField.PROJECT, issue.project().toUpperCase(Locale.ROOT));
        sink.accept(JqlField.ISSUE_TYPE, lower(issue.issueType()));
        // Also per project, for type ids: a team-managed project's Task is not the site's Task (see ValueResolver).
        sink.accept(JqlField.ISSUE_TYPE, inProject(issue.issueType(), issue.project()));
        sink.accept(JqlField.STATUS, lower(issue.status()));
        sink.accept(JqlField.STATUS_CATEGORY, JiraCatalog.status(issue.status()).map(JiraCatalog.Status::categoryKey).orElse(EMPTY));
        sink.accept(JqlField.PRIORITY, lower(issue.priority()));
        sink.accept(JqlField.ASSIGNEE, orEmpty(issue.assignee()));
        sink.accept(JqlField.REPORTER, orEmpty(issue.reporter()));
        sink.accept(JqlField.CREATOR, orEmpty(issue.creator()));
        sink.accept(JqlField.RESOLUTION, lower(issue.resolution()));
        sink.accept(JqlField.PARENT, issue.parent() == null ? EMPTY : issue.parent().toUpperCase(Locale.ROOT));
        if (issue.labels().isEmpty()) sink.accept(JqlField.LABELS, EMPTY);
        issue.labels().stream().map(Postings::lower).distinct().forEach(l -> sink.accept(JqlField.LABELS, l));
        if (issue.components().isEmpty()) sink.accept(JqlField.COMPONENT, EMPTY);
        issue.components().stream().map(Postings::lower).distinct().forEach(x -> sink.accept(JqlField.COMPONENT, x));
        if (issue.fixVersions().isEmpty()) sink.accept(JqlField.FIX_VERSION, EMPTY);
        issue.fixVersions().stream().map(Postings::lower).distinct().forEach(x -> sink.accept(JqlField.FIX_VERSION, x));
        if (issue.resolved() == null) sink.accept(JqlField.RESOLVED, EMPTY);
        if (issue.duedate() == null) sink.accept(JqlField.DUEDATE, EMPTY);
        if (text.description() == null) sink.accept(JqlField.DESCRIPTION, EMPTY);
        if (text.comments().isEmpty()) sink.accept(JqlField.COMMENT, EMPTY);
    }

    private static void eachDate(Issue issue, BiConsumer<JqlField, Long> sink) {
        for (JqlField field : DATE_FIELDS) {
            Long at = dateKey(field, issue);
            if (at != null) sink.accept(field, at);
        }
    }

    private static final JqlField[] DATE_FIELDS = {JqlField.CREATED, JqlField.UPDATED, JqlField.RESOLVED, JqlField.DUEDATE};

    /** {@link #dateKey(JqlField, Issue)} without boxing; {@code missing} when the issue has no such date. */
    static long dateKey(JqlField field, Issue issue, long missing) {
        return switch (field) {
            case CREATED -> issue.created().toEpochMilli();
            case UPDATED -> issue.updated().toEpochMilli();
            case RESOLVED -> issue.resolved() == null ? missing : issue.resolved().toEpochMilli();
            case DUEDATE -> issue.duedate() == null ? missing : issue.duedate().toEpochDay();
            default -> throw new IllegalArgumentException("not a date field: " + field);
        };
    }

    /** An issue's date in the index's unit for that field, or null. */
    static Long dateKey(JqlField field, Issue issue) {
        return switch (field) {
            case CREATED -> issue.created().toEpochMilli();
            case UPDATED -> issue.updated().toEpochMilli();
            case RESOLVED -> issue.resolved() == null ? null : issue.resolved().toEpochMilli();
            case DUEDATE -> issue.duedate() == null ? null : issue.duedate().toEpochDay();
            default -> throw new IllegalArgumentException("not a date field: " + field);
        };
    }

    static String lower(String value) {
        return value == null ? EMPTY : value.toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? EMPTY : value;
    }

    /** The slots having any of {@code values} in {@code field}. */
    BitSet terms(JqlField field, Collection<String> values) {
        var result = new BitSet();
        Map<String, SlotSet> map = terms.getOrDefault(field, Map.of());
        for (String v : values) {
            SlotSet set = map.get(v);
            if (set != null) set.orInto(result);
        }
        return result;
    }

    /** The distinct values of a field (project keys, for the visibility filter). */
    java.util.Set<String> values(JqlField field) {
        return terms.getOrDefault(field, Map.of()).keySet();
    }

    /** How many slots {@link #terms} would return, at most; for ordering AND's operands. */
    int estimate(JqlField field, Collection<String> values) {
        Map<String, SlotSet> map = terms.getOrDefault(field, Map.of());
        int n = 0;
        for (String v : values) {
            SlotSet set = map.get(v);
            if (set != null) n += set.size();
        }
        return n;
    }

    /** The slots whose date lies in {@code [from, to]} (both inclusive, in the field's unit). */
    BitSet dates(JqlField field, long from, long to) {
        var result = new BitSet();
        if (from > to) return result;
        dates.getOrDefault(field, new TreeMap<>()).subMap(from, true, to, true).values().forEach(s -> s.orInto(result));
        return result;
    }

    /** The whole tree of a date field, for walking results in date order. */
    NavigableMap<Long, SlotSet> dateTree(JqlField field) {
        return dates.getOrDefault(field, new TreeMap<>());
    }

    /** The slots whose custom field {@code field} (an id) has any of {@code keys} ({@link #ANY}: any value). */
    BitSet custom(String field, Collection<Object> keys) {
        var result = new BitSet();
        Map<Object, SlotSet> map = custom.getOrDefault(field, Map.of());
        for (Object k : keys) {
            SlotSet set = map.get(k);
            if (set != null) set.orInto(result);
        }
        return result;
    }

    /** How many slots {@link #custom} would return, at most. */
    int estimateCustom(String field, Collection<Object> keys) {
        Map<Object, SlotSet> map = custom.getOrDefault(field, Map.of());
        int n = 0;
        for (Object k : keys) {
            SlotSet set = map.get(k);
            if (set != null) n += set.size();
        }
        return n;
    }

    /**
     * The slots whose custom field compares to {@code bound} as {@code op} ({@code > >= < <=}) says: a
     * {@code Double} bound against the field's numbers, a {@code String} bound against its single strings.
     */
    BitSet customRange(String field, Operator op, Object bound) {
        var result = new BitSet();
        NavigableMap<?, SlotSet> part = bound instanceof Double d ? side(customNumbers.getOrDefault(field, new TreeMap<>()), op, d)
                : side(customTexts.getOrDefault(field, new TreeMap<>()), op, (String) bound);
        part.values().forEach(s -> s.orInto(result));
        return result;
    }

    /** {@link #customRange}'s test for one issue, for when the candidates are few. */
    static boolean customCompares(Issue issue, String field, Operator op, Object bound) {
        Object v = issue.customFields().get(field);
        int c;
        if (bound instanceof Double d && v instanceof Number n) c = Double.compare(n.doubleValue(), d);
        else if (bound instanceof String b && v instanceof String s) c = s.compareTo(b);
        else return false;
        return switch (op) {
            case GREATER_THAN -> c > 0;
            case GREATER_THAN_EQUALS -> c >= 0;
            case LESS_THAN -> c < 0;
            default -> c <= 0;
        };
    }

    private static <K> NavigableMap<K, SlotSet> side(NavigableMap<K, SlotSet> tree, Operator op, K bound) {
        return switch (op) {
            case GREATER_THAN -> tree.tailMap(bound, false);
            case GREATER_THAN_EQUALS -> tree.tailMap(bound, true);
            case LESS_THAN -> tree.headMap(bound, false);
            case LESS_THAN_EQUALS -> tree.headMap(bound, true);
            default -> throw new IllegalArgumentException("not a range operator: " + op);
        };
    }

    /** The posting of one type name in one project. */
    static String inProject(String typeName, String projectKey) {
        return lower(typeName) + "@" + projectKey.toUpperCase(Locale.ROOT);
    }
}
