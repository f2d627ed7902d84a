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
 */
final class Postings {
    static final String EMPTY = "";
    private final Map<JqlField, Map<String, SlotSet>> terms = new EnumMap<>(JqlField.class);
    private final Map<JqlField, TreeMap<Long, SlotSet>> dates = new EnumMap<>(JqlField.class);

    void add(int slot, Issue issue, TextDoc text) {
        each(issue, text, (field, value) -> terms.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new SlotSet()).add(slot));
        eachDate(issue, (field, at) -> dates.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(at, v -> new SlotSet()).add(slot));
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
    }

    private static void each(Issue issue, TextDoc text, BiConsumer<JqlField, String> sink) {
        sink.accept(JqlField.PROJECT, issue.project().toUpperCase(Locale.ROOT));
        sink.accept(JqlField.ISSUE_TYPE, lower(issue.issueType()));
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
}
