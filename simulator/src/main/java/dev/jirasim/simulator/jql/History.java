package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An issue's past, read from its changelog, for {@code WAS} and {@code CHANGED}. The value of a field at a time is
 * the current value walked back through the changelog: each change group that touches the field restores the
 * {@code from} of its first item for that field. Before the first change the field held that first {@code from}
 * (from {@code created} on), and with no change at all, the current value.
 *
 * <p>A field's past is a run of <em>periods</em>: a value held over a closed interval of instants (the instant of a
 * change belongs to both the value it ended and the one it started, so a value held for no time at all still
 * counts), set by the author of the change that started it, or by the issue's creator for the first period.
 * Consecutive stretches of one value are one period. {@code fixVersion} holds a set: a version's periods are the
 * stretches it was in the set, and {@link Postings#EMPTY} the stretches the set was empty. A <em>change</em> is one
 * changelog item of the field: its time, author, {@code from} and {@code to}.
 *
 * <p>Values compare as the postings hold them: catalog and version names in lower case, account ids as they are,
 * {@link Postings#EMPTY} for none. An author Jira itself is stands for {@link Postings#EMPTY} too.
 */
final class History {
    /** The fields Jira keeps searchable history for. */
    static final Set<JqlField> FIELDS = Collections.unmodifiableSet(EnumSet.of(JqlField.STATUS, JqlField.ASSIGNEE, JqlField.PRIORITY,
            JqlField.RESOLUTION, JqlField.REPORTER, JqlField.FIX_VERSION));
    static final long OPEN = Long.MAX_VALUE;

    private History() {
    }

    /** Whether a changelog item is a change of {@code field}. */
    static boolean isOf(ChangeGroup.Item item, JqlField field) {
        if (!"jira".equals(item.fieldtype())) return false;
        String name = item.field();
        return switch (field) {
            case STATUS -> name.equalsIgnoreCase("status");
            case ASSIGNEE -> name.equalsIgnoreCase("assignee");
            case PRIORITY -> name.equalsIgnoreCase("priority");
            case RESOLUTION -> name.equalsIgnoreCase("resolution");
            case REPORTER -> name.equalsIgnoreCase("reporter");
            case FIX_VERSION -> name.equalsIgnoreCase("Fix Version") || "fixVersions".equals(item.fieldId());
            default -> false;
        };
    }

    private static boolean isUser(JqlField field) {
        return field == JqlField.ASSIGNEE || field == JqlField.REPORTER;
    }

    /** The value an item changed from, as it is written (an account id, or a name); null for none. */
    static String rawFrom(ChangeGroup.Item item, JqlField field) {
        return isUser(field) ? item.from() : item.fromString();
    }

    static String rawTo(ChangeGroup.Item item, JqlField field) {
        return isUser(field) ? item.to() : item.toText();
    }

    /** A raw value in postings form. */
    static String key(JqlField field, String raw) {
        if (raw == null || raw.isEmpty()) return Postings.EMPTY;
        return isUser(field) ? raw : raw.toLowerCase(Locale.ROOT);
    }

    /** The issue's current value of a single-valued field, raw. */
    static String currentRaw(Issue issue, JqlField field) {
        return switch (field) {
            case STATUS -> issue.status();
            case ASSIGNEE -> issue.assignee();
            case PRIORITY -> issue.priority();
            case RESOLUTION -> issue.resolution();
            case REPORTER -> issue.reporter();
            default -> throw new IllegalArgumentException("not a single-valued history field: " + field);
        };
    }

    /** Whether {@code raw} is one of {@code wanted} (postings form), without building its key. */
    private static boolean in(Set<String> wanted, JqlField field, String raw) {
        if (raw == null || raw.isEmpty()) return wanted.contains(Postings.EMPTY);
        if (isUser(field)) return wanted.contains(raw);
        for (String w : wanted) if (w.equalsIgnoreCase(raw)) return true;
        return false;
    }

    private static boolean same(JqlField field, String a, String b) {
        if (a == null || a.isEmpty()) return b == null || b.isEmpty();
        return isUser(field) ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    static String person(String accountId) {
        return accountId == null ? Postings.EMPTY : accountId;
    }

    private static ChangeGroup.Item firstOf(ChangeGroup group, JqlField field) {
        for (ChangeGroup.Item item : group.items()) if (isOf(item, field)) return item;
        return null;
    }

    /** One period: a value (raw; for fixVersion a version name or null for the empty set), when, and who set it. */
    interface PeriodSink {
        /** Returns true to stop. */
        boolean period(String raw, long start, long end, String setter);
    }

    /** Calls {@code sink} with each period of a single-valued field, in time order, until it returns true. */
    private static boolean periodsSingle(Issue issue, JqlField field, PeriodSink sink) {
        long pieceStart = issue.created().toEpochMilli();
        String pieceSetter = person(issue.creator());
        boolean started = false;
        String runValue = null;
        long runStart = 0;
        String runSetter = null;
        for (ChangeGroup g : issue.changelog()) {
            ChangeGroup.Item first = firstOf(g, field);
            if (first == null) continue;
            String value = rawFrom(first, field);
            if (!started) {
                started = true;
                runValue = value;
                runStart = pieceStart;
                runSetter = pieceSetter;
            } else if (!same(field, runValue, value)) {
                if (sink.period(runValue, runStart, pieceStart, runSetter)) return true;
                runValue = value;
                runStart = pieceStart;
                runSetter = pieceSetter;
            }
            pieceStart = g.created().toEpochMilli();
            pieceSetter = person(g.author());
        }
        String current = currentRaw(issue, field);
        if (!started) return sink.period(current, pieceStart, OPEN, pieceSetter);
        if (same(field, runValue, current)) return sink.period(runValue, runStart, OPEN, runSetter);
        if (sink.period(runValue, runStart, pieceStart, runSetter)) return true;
        return sink.period(current, pieceStart, OPEN, pieceSetter);
    }

    /** The same for fixVersion: each version's stretches in the set, and the stretches of an empty set (raw null). */
    private static boolean periodsMulti(Issue issue, JqlField field, PeriodSink sink) {
        var groups = new ArrayList<ChangeGroup>();
        for (ChangeGroup g : issue.changelog()) if (firstOf(g, field) != null) groups.add(g);
        int n = groups.size();
        List<Set<String>> states = new ArrayList<>(Collections.nCopies(n + 1, null));
        Set<String> state = new HashSet<>();
        for (String v : issue.fixVersions()) state.add(v.toLowerCase(Locale.ROOT));
        states.set(n, state);
        for (int k = n - 1; k >= 0; k--) {
            state = new HashSet<>(state);
            List<ChangeGroup.Item> items = groups.get(k).items();
            for (int i = items.size() - 1; i >= 0; i--) {
                ChangeGroup.Item item = items.get(i);
                if (!isOf(item, field)) continue;
                if (item.toText() != null) state.remove(item.toText().toLowerCase(Locale.ROOT));
                if (item.fromString() != null) state.add(item.fromString().toLowerCase(Locale.ROOT));
            }
            states.set(k, state);
        }
        long[] starts = new long[n + 1];
        String[] setters = new String[n + 1];
        starts[0] = issue.created().toEpochMilli();
        setters[0] = person(issue.creator());
        for (int k = 0; k < n; k++) {
            starts[k + 1] = groups.get(k).created().toEpochMilli();
            setters[k + 1] = person(groups.get(k).author());
        }
        var values = new java.util.TreeSet<String>();
        states.forEach(values::addAll);
        values.add(Postings.EMPTY);
        for (String v : values) {
            int k = 0;
            while (k <= n) {
                if (!holds(states.get(k), v)) {
                    k++;
                    continue;
                }
                int first = k;
                while (k <= n && holds(states.get(k), v)) k++;
                long end = k > n ? OPEN : starts[k];
                if (sink.period(v.isEmpty() ? null : v, starts[first], end, setters[first])) return true;
            }
        }
        return false;
    }

    private static boolean holds(Set<String> state, String value) {
        return value.isEmpty() ? state.isEmpty() : state.contains(value);
    }

    static boolean periods(Issue issue, JqlField field, PeriodSink sink) {
        return field == JqlField.FIX_VERSION ? periodsMulti(issue, field, sink) : periodsSingle(issue, field, sink);
    }

    /** A change of {@code field} within {@code [lo, hi]}, by one of {@code by}, from one of {@code from}, to one of {@code to} (null: any). */
    static boolean changed(Issue issue, JqlField field, Set<String> from, Set<String> to, Set<String> by, long lo, long hi) {
        for (ChangeGroup g : issue.changelog()) {
            long at = g.created().toEpochMilli();
            if (at < lo || at > hi) continue;
            if (by != null && !by.contains(person(g.author()))) continue;
            for (ChangeGroup.Item item : g.items()) {
                if (!isOf(item, field)) continue;
                if (from != null && !in(from, field, rawFrom(item, field))) continue;
                if (to != null && !in(to, field, rawTo(item, field))) continue;
                return true;
            }
        }
        return false;
    }

    /** Every value the field ever held, in postings form. */
    static Set<String> held(Issue issue, JqlField field) {
        if (issue.changelog().isEmpty()) {   // most issues: what they hold now
            if (field != JqlField.FIX_VERSION) return Set.of(key(field, currentRaw(issue, field)));
            if (issue.fixVersions().isEmpty()) return Set.of(Postings.EMPTY);
            var now = new HashSet<String>();
            for (String v : issue.fixVersions()) now.add(key(field, v));
            return now;
        }
        var out = new HashSet<String>();
        periods(issue, field, (raw, start, end, setter) -> {
            out.add(key(field, raw));
            return false;
        });
        return out;
    }

    /** The changes of a field: time, author, from and to in postings form. */
    record Change(long at, String author, String from, String to) {
    }

    static void changes(Issue issue, JqlField field, Consumer<Change> sink) {
        for (ChangeGroup g : issue.changelog()) {
            for (ChangeGroup.Item item : g.items()) {
                if (isOf(item, field)) {
                    sink.accept(new Change(g.created().toEpochMilli(), person(g.author()), key(field, rawFrom(item, field)),
                            key(field, rawTo(item, field))));
                }
            }
        }
    }
}
