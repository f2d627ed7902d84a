package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueHistory;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues with histories made by {@link IssueHistory#record}, on a clock the test moves, and a brute-force reading
 * of WAS and CHANGED straight from the changelogs (no index, no postings) to check the engine against.
 */
final class HistoryWorld {
    static final List<String> VERSIONS = List.of("1.0", "2.0", "3.0");
    static final List<String> PEOPLE = List.of("acc-alice", "acc-bob", "acc-carol");

    /** The fixture projects, each with three versions (ids 300xx). */
    static Optional<Project> project(String key) {
        return JqlFixtures.PROJECTS.stream().filter(p -> p.key().equals(key)).findFirst().map(p -> new Project(p.id(), p.key(), p.name(),
                p.site(), null, null, Map.of(), null, List.of(),
                List.of(new Project.Version("30001", "1.0", null, null, null, null, null),
                        new Project.Version("30002", "2.0", null, null, null, null, null),
                        new Project.Version("30003", "3.0", null, null, null, null, null))));
    }

    static final IssueHistory.Names NAMES = new IssueHistory.Names() {
        @Override
        public String displayName(String person) {
            return JqlFixtures.user(person).map(u -> u.displayName()).orElse(person);
        }

        @Override
        public Optional<CustomField> customField(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Project> project(String key) {
            return HistoryWorld.project(key);
        }

        @Override
        public Optional<Issue> issue(String keyOrId) {
            return Optional.empty();
        }
    };

    private static final AtomicLong IDS = new AtomicLong(50_000);

    /** {@code after} recorded as a change of {@code before} by {@code author} at {@code at}, with updated moved. */
    static Issue record(Issue before, Issue after, String author, Instant at) {
        Issue moved = after.toBuilder().updated(at).build();
        return IssueHistory.record(before, moved, author, at, i -> Long.toString(IDS.incrementAndGet()), NAMES);
    }

    static Issue issue(String id, String key, Instant created, String status, String assignee, String reporter, String priority,
                       String resolution, List<String> versions) {
        return new Issue(id, key, "acme", key.substring(0, key.indexOf('-')), "Issue " + key, null, "Task", status, priority, assignee,
                reporter, reporter, List.of(), created, created, resolution == null ? null : created, resolution, null, null, List.of(),
                List.of(), versions, Map.of(), null, null);
    }

    // ---- replay ----

    private static final JqlField[] SINGLE = {JqlField.STATUS, JqlField.ASSIGNEE, JqlField.PRIORITY, JqlField.RESOLUTION, JqlField.REPORTER};

    /** The issue as it was before its first change: the changelog undone, newest item first. */
    static Map<String, Object> replayBack(Issue issue) {
        Map<String, Object> state = state(issue);
        List<ChangeGroup> groups = issue.changelog();
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<ChangeGroup.Item> items = groups.get(g).items();
            for (int i = items.size() - 1; i >= 0; i--) apply(state, items.get(i), true);
        }
        return state;
    }

    /** {@code start} with the whole changelog of {@code issue} applied, oldest item first. */
    static Map<String, Object> replayForward(Map<String, Object> start, Issue issue) {
        var state = new java.util.HashMap<>(start);
        state.put("fixVersions", new HashSet<>(asSet(state.get("fixVersions"))));
        for (ChangeGroup g : issue.changelog()) for (ChangeGroup.Item item : g.items()) apply(state, item, false);
        return state;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> asSet(Object o) {
        return (Set<String>) o;
    }

    static Map<String, Object> state(Issue issue) {
        var state = new java.util.HashMap<String, Object>();
        state.put("status", issue.status());
        state.put("assignee", issue.assignee());
        state.put("priority", issue.priority());
        state.put("resolution", issue.resolution());
        state.put("reporter", issue.reporter());
        state.put("summary", issue.summary());
        state.put("labels", String.join(" ", issue.labels()));
        state.put("fixVersions", new HashSet<>(issue.fixVersions()));
        return state;
    }

    private static void apply(Map<String, Object> state, ChangeGroup.Item item, boolean back) {
        String field = item.field();
        boolean user = field.equals("assignee") || field.equals("reporter");
        String value = back ? (user ? item.from() : item.fromString()) : (user ? item.to() : item.toText());
        if (field.equals("Fix Version")) {
            Set<String> set = asSet(state.get("fixVersions"));
            String gone = back ? item.toText() : item.fromString();
            if (gone != null) set.remove(gone);
            if (value != null) set.add(value);
        } else if (state.containsKey(field)) {
            state.put(field, field.equals("labels") && value == null ? "" : value);
        }
    }

    // ---- brute force ----

    /** What one history clause asks, resolved: values in postings form, null sets meaning "any". */
    record Ask(JqlField field, Operator op, Set<String> values, Set<String> from, Set<String> to, Set<String> by, long lo, long hi) {
    }

    static boolean matches(Issue issue, Ask ask) {
        boolean hit = ask.op() == Operator.CHANGED ? changed(issue, ask) : was(issue, ask);
        return ask.op() == Operator.WAS_NOT || ask.op() == Operator.WAS_NOT_IN ? !hit : hit;
    }

    private static String norm(JqlField f, String raw) {
        if (raw == null || raw.isEmpty()) return "";
        return f == JqlField.ASSIGNEE || f == JqlField.REPORTER ? raw : raw.toLowerCase(Locale.ROOT);
    }

    private static boolean isOf(ChangeGroup.Item item, JqlField f) {
        return switch (f) {
            case FIX_VERSION -> item.field().equals("Fix Version");
            default -> item.field().equals(f.names.get(0)) && item.fieldtype().equals("jira");
        };
    }

    private static boolean changed(Issue issue, Ask ask) {
        boolean user = ask.field() == JqlField.ASSIGNEE || ask.field() == JqlField.REPORTER;
        for (ChangeGroup g : issue.changelog()) {
            long at = g.created().toEpochMilli();
            String author = g.author() == null ? "" : g.author();
            for (ChangeGroup.Item item : g.items()) {
                if (!isOf(item, ask.field())) continue;
                String from = norm(ask.field(), user ? item.from() : item.fromString());
                String to = norm(ask.field(), user ? item.to() : item.toText());
                if (at >= ask.lo() && at <= ask.hi() && (ask.by() == null || ask.by().contains(author))
                        && (ask.from() == null || ask.from().contains(from)) && (ask.to() == null || ask.to().contains(to))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The field's value set after each change group (every group is a boundary; a group that leaves the field alone
     * repeats the set), walked back from the current issue; then each value's maximal stretches.
     */
    private static boolean was(Issue issue, Ask ask) {
        JqlField f = ask.field();
        List<ChangeGroup> groups = issue.changelog();
        int n = groups.size();
        List<Set<String>> states = new ArrayList<>();
        Set<String> state = current(issue, f);
        for (int k = n - 1; k >= -1; k--) {
            states.add(0, state);
            if (k < 0) break;
            state = new HashSet<>(state);
            boolean seen = false;
            List<ChangeGroup.Item> items = groups.get(k).items();
            for (int i = items.size() - 1; i >= 0; i--) {
                ChangeGroup.Item item = items.get(i);
                if (!isOf(item, f)) continue;
                if (f == JqlField.FIX_VERSION) {
                    if (item.toText() != null) state.remove(norm(f, item.toText()));
                    if (item.fromString() != null) state.add(norm(f, item.fromString()));
                } else {
                    boolean user = f == JqlField.ASSIGNEE || f == JqlField.REPORTER;
                    state = new HashSet<>(Set.of(norm(f, user ? item.from() : item.fromString())));
                }
                seen = true;
            }
            if (!seen) state = states.get(0);
        }
        // states.get(k) holds over [start(k), start(k+1)]: start(0) = created, start(k) = groups[k-1].created.
        for (String v : ask.values()) {
            for (int k = 0; k <= n; k++) {
                if (!holds(states.get(k), v, f) || (k > 0 && holds(states.get(k - 1), v, f))) continue;
                int last = k;
                while (last + 1 <= n && holds(states.get(last + 1), v, f)) last++;
                long start = k == 0 ? issue.created().toEpochMilli() : groups.get(k - 1).created().toEpochMilli();
                long end = last == n ? Long.MAX_VALUE : groups.get(last).created().toEpochMilli();
                String setter = k == 0 ? issue.creator() : groups.get(k - 1).author();
                if (setter == null) setter = "";
                if (start <= ask.hi() && end >= ask.lo() && (ask.by() == null || ask.by().contains(setter))) return true;
            }
        }
        return false;
    }

    private static boolean holds(Set<String> state, String v, JqlField f) {
        if (f != JqlField.FIX_VERSION) return state.contains(v);
        return v.isEmpty() ? state.isEmpty() : state.contains(v);
    }

    private static Set<String> current(Issue issue, JqlField f) {
        return switch (f) {
            case STATUS -> Set.of(norm(f, issue.status()));
            case ASSIGNEE -> Set.of(norm(f, issue.assignee()));
            case PRIORITY -> Set.of(norm(f, issue.priority()));
            case RESOLUTION -> Set.of(norm(f, issue.resolution()));
            case REPORTER -> Set.of(norm(f, issue.reporter()));
            default -> {
                var s = new HashSet<String>();
                issue.fixVersions().forEach(v -> s.add(norm(f, v)));
                yield s;
            }
        };
    }

    static String statusName(String idOrName) {
        return JiraCatalog.status(idOrName).map(JiraCatalog.Status::name).orElse(idOrName);
    }

    private HistoryWorld() {
    }
}
