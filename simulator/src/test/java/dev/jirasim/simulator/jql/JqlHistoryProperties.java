package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of edits, transitions and assignments, recorded through {@link dev.jirasim.simulator.world.IssueHistory#record}
 * on a clock the test moves (sometimes not at all between changes): (1) the changelog replays backwards from the
 * current issue to the created one, and forwards back again; (2) random WAS / CHANGED queries through the engine
 * (index kept current as a listener would, parsed from printed JQL) agree with {@link HistoryWorld}'s brute force
 * over the changelogs. Failures found become examples in {@link JqlHistoryTest}.
 */
class JqlHistoryProperties {
    static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(40));

    /** One change: how long after the previous one, who makes it, and what it sets. */
    record Edit(long afterMs, String author, int issue, String field, int pick) {
    }

    /** One history clause as the test builds it, and what it means, resolved by hand. */
    record Case(Clause.Terminal clause, HistoryWorld.Ask ask) {
    }

    @Property(tries = 300)
    void changelogReplaysToTheCreatedIssueAndBack(@ForAll("edits") List<Edit> edits) {
        List<Issue> initial = initial();
        List<Issue> current = apply(initial, edits, null);
        for (int i = 0; i < initial.size(); i++) {
            Issue now = current.get(i);
            Map<String, Object> created = HistoryWorld.state(initial.get(i));
            assertEquals(created, HistoryWorld.replayBack(now), now.key() + " backwards");
            assertEquals(HistoryWorld.state(now), HistoryWorld.replayForward(created, now), now.key() + " forwards");
        }
    }

    @Property(tries = 300)
    void historyClausesAgreeWithTheChangelog(@ForAll("edits") List<Edit> edits, @ForAll("cases") List<Case> cases,
                                              @ForAll boolean asBob) {
        List<Issue> initial = initial();
        IssueIndex index = IssueIndex.of(initial);
        List<Issue> current = apply(initial, edits, index);
        SearchContext ctx = asBob ? JqlFixtures.bob() : JqlFixtures.alice();
        ctx = new SearchContext(ctx.accountId(), NOW, ZoneOffset.UTC, ctx.canBrowse(), ctx.users(), ctx.projects());
        Set<String> browsable = asBob ? Set.of("ACME", "OPS") : Set.of("ACME", "OPS", "SEC");
        for (Case c : cases) {
            String jql = JqlPrinter.clause(c.clause());
            Set<String> expected = new TreeSet<>();
            for (Issue i : current) if (browsable.contains(i.project()) && HistoryWorld.matches(i, ask(c.ask(), ctx))) expected.add(i.key());
            Set<String> actual = new TreeSet<>();
            JqlSearch.search(index, jql, ctx).forEach(i -> actual.add(i.key()));
            assertEquals(expected, actual, jql + "\n" + describe(current));
        }
    }

    /** currentUser() is resolved against the searcher. */
    private static HistoryWorld.Ask ask(HistoryWorld.Ask a, SearchContext ctx) {
        return new HistoryWorld.Ask(a.field(), a.op(), me(a.values(), ctx), me(a.from(), ctx), me(a.to(), ctx), me(a.by(), ctx), a.lo(), a.hi());
    }

    private static Set<String> me(Set<String> values, SearchContext ctx) {
        if (values == null) return null;
        var out = new HashSet<>(values);
        if (out.remove("currentUser")) out.add(ctx.accountId());
        return out;
    }

    static String describe(List<Issue> issues) {
        var sb = new StringBuilder();
        for (Issue i : issues) {
            sb.append(i.key()).append(" created ").append(i.created()).append(" by ").append(i.creator()).append(": ")
                    .append(i.status()).append('/').append(i.assignee()).append('/').append(i.priority()).append('/')
                    .append(i.resolution()).append('/').append(i.reporter()).append('/').append(i.fixVersions()).append('\n');
            i.changelog().forEach(g -> sb.append("  ").append(g.created()).append(' ').append(g.author()).append(' ').append(g.items()).append('\n'));
        }
        return sb.toString();
    }

    // ---- the world ----

    static List<Issue> initial() {
        return List.of(
                HistoryWorld.issue("40001", "ACME-1", T0, "To Do", "acc-alice", "acc-bob", "High", null, List.of()),
                HistoryWorld.issue("40002", "ACME-2", T0.plus(Duration.ofHours(5)), "In Progress", null, "acc-alice", "Low", null, List.of("1.0")),
                HistoryWorld.issue("40003", "OPS-1", T0.plus(Duration.ofDays(1)), "To Do", "acc-carol", "acc-carol", "Medium", null, List.of()),
                HistoryWorld.issue("40004", "SEC-1", T0.plus(Duration.ofDays(2)), "Done", "acc-bob", "acc-alice", "Highest", "Done",
                        List.of("2.0", "3.0")));
    }

    private static final List<String> STATUSES = JiraCatalog.STATUSES.stream().map(JiraCatalog.Status::name).toList();
    private static final List<String> PRIORITIES = JiraCatalog.PRIORITIES.stream().map(JiraCatalog.Priority::name).toList();
    private static final List<String> RESOLUTIONS = JiraCatalog.RESOLUTIONS.stream().map(JiraCatalog.Resolution::name).toList();

    /** Applies the edits in order, each at the previous change's time plus its delay; tells the index like JiraData would. */
    static List<Issue> apply(List<Issue> initial, List<Edit> edits, IssueIndex index) {
        var issues = new ArrayList<>(initial);
        Instant clock = T0.plus(Duration.ofDays(3));
        for (Edit e : edits) {
            clock = clock.plusMillis(e.afterMs());
            Issue before = issues.get(e.issue() % issues.size());
            if (clock.isBefore(before.created())) clock = before.created();
            Issue.Builder b = before.toBuilder();
            int p = e.pick();
            switch (e.field()) {
                case "status" -> {
                    String status = STATUSES.get(p % STATUSES.size());
                    b.status(status);
                    // a transition to Done resolves, out of Done clears the resolution, as workflows do
                    if (status.equals("Done")) b.resolution(RESOLUTIONS.get(p % RESOLUTIONS.size()));
                    else if (p % 3 == 0) b.resolution(null);
                }
                case "assignee" -> b.assignee(p % 4 == 3 ? null : HistoryWorld.PEOPLE.get(p % 3));
                case "reporter" -> b.reporter(HistoryWorld.PEOPLE.get(p % 3));
                case "priority" -> b.priority(PRIORITIES.get(p % PRIORITIES.size()));
                case "resolution" -> b.resolution(p % 4 == 3 ? null : RESOLUTIONS.get(p % RESOLUTIONS.size()));
                case "fixVersions" -> {
                    var versions = new ArrayList<String>();
                    for (int i = 0; i < 3; i++) if ((p >> i & 1) == 1) versions.add(HistoryWorld.VERSIONS.get(i));
                    b.fixVersions(versions);
                }
                case "summary" -> b.summary("Summary " + p);
                default -> {
                    b.status(STATUSES.get(p % STATUSES.size()));
                    b.assignee(HistoryWorld.PEOPLE.get((p / 4) % 3));
                    b.priority(PRIORITIES.get((p / 3) % PRIORITIES.size()));
                }
            }
            Issue after = HistoryWorld.record(before, b.build(), e.author(), clock);
            issues.set(e.issue() % issues.size(), after);
            if (index != null) {
                index.removed(before);
                index.added(after);
            }
        }
        return issues;
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Long> delay = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(1L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(60_000, 3 * 86_400_000L)));
        Arbitrary<String> author = Arbitraries.of("acc-alice", "acc-bob", "acc-carol").injectNull(0.1);
        Arbitrary<String> field = Arbitraries.of("status", "status", "assignee", "reporter", "priority", "resolution", "fixVersions",
                "summary", "several");
        Arbitrary<Edit> edit = Combinators.combine(delay, author, Arbitraries.integers().between(0, 3), field,
                Arbitraries.integers().between(0, 1000)).as(Edit::new);
        return edit.list().ofMaxSize(14);
    }

    // ---- queries ----

    /** Values a clause may name for a field: as JQL writes them, and their postings form. */
    private static List<String[]> values(JqlField f) {
        var out = new ArrayList<String[]>();
        switch (f) {
            case STATUS -> {
                for (var s : JiraCatalog.STATUSES) out.add(new String[] {s.name(), s.name().toLowerCase(Locale.ROOT)});
                out.add(new String[] {"3", "in progress"});
                out.add(new String[] {"to do", "to do"});
            }
            case PRIORITY -> PRIORITIES.forEach(p -> out.add(new String[] {p, p.toLowerCase(Locale.ROOT)}));
            case RESOLUTION -> {
                RESOLUTIONS.forEach(r -> out.add(new String[] {r, r.toLowerCase(Locale.ROOT)}));
                out.add(new String[] {"Unresolved", ""});
                out.add(new String[] {"EMPTY", ""});
            }
            case ASSIGNEE, REPORTER -> {
                HistoryWorld.PEOPLE.forEach(p -> out.add(new String[] {p, p}));
                out.add(new String[] {"currentUser()", "currentUser"});
                out.add(new String[] {"EMPTY", ""});
            }
            default -> {
                HistoryWorld.VERSIONS.forEach(v -> out.add(new String[] {v, v}));
                out.add(new String[] {"EMPTY", ""});
            }
        }
        return out;
    }

    private static Operand operand(String written) {
        if (written.equals("EMPTY")) return new Operand.Empty();
        if (written.equals("currentUser()")) return new Operand.Call("currentUser", List.of());
        if (written.matches("[0-9]+")) return new Operand.Num(Long.parseLong(written));
        return new Operand.Value(written);
    }

    /** Instants worth asking about: around the changes the edits make (same ms, one ms off) and whole days. */
    private Arbitrary<Long> instants() {
        long start = T0.toEpochMilli();
        return Arbitraries.oneOf(
                Arbitraries.longs().between(start - 86_400_000L, NOW.toEpochMilli()),
                Arbitraries.longs().between(0, 30).map(d -> start + d * 86_400_000L),
                Arbitraries.longs().between(0, 30).map(d -> start + 3 * 86_400_000L + d * 3_600_000L - 1));
    }

    @Provide
    Arbitrary<List<Case>> cases() {
        return Arbitraries.of(History.FIELDS.toArray(JqlField[]::new)).flatMap(this::caseOf).list().ofMinSize(1).ofMaxSize(6);
    }

    private Arbitrary<Case> caseOf(JqlField f) {
        List<String[]> vals = values(f);
        Arbitrary<List<String[]>> picked = Arbitraries.of(vals).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Operator> op = Arbitraries.of(Operator.WAS, Operator.WAS_NOT, Operator.WAS_IN, Operator.WAS_NOT_IN, Operator.CHANGED,
                Operator.CHANGED);
        Arbitrary<List<String>> by = Arbitraries.of("acc-alice", "acc-bob", "acc-carol", "currentUser()").list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<long[]> window = Combinators.combine(Arbitraries.integers().between(0, 5), instants(), instants())
                .as((kind, a, b) -> new long[] {kind, a, b});
        return Combinators.combine(op, picked, picked.injectNull(0.5), picked.injectNull(0.5), by.injectNull(0.6),
                window.list().ofMaxSize(2)).as((o, values, from, to, people, windows) -> build(f, o, values, from, to, people, windows));
    }

    private static Case build(JqlField f, Operator op, List<String[]> values, List<String[]> from, List<String[]> to, List<String> people,
                              List<long[]> windows) {
        var predicates = new ArrayList<HistoryPredicate>();
        Set<String> fromKeys = null;
        Set<String> toKeys = null;
        if (op == Operator.CHANGED && from != null && !from.get(0)[0].contains("(")) {
            predicates.add(new HistoryPredicate(HistoryPredicate.Kind.FROM, listOrOne(from)));
            fromKeys = keys(from);
        }
        if (op == Operator.CHANGED && to != null && !to.get(0)[0].contains("(")) {
            predicates.add(new HistoryPredicate(HistoryPredicate.Kind.TO, listOrOne(to)));
            toKeys = keys(to);
        }
        Set<String> byKeys = null;
        if (people != null) {
            var ops = new ArrayList<Operand>();
            for (String p : people) ops.add(operand(p));
            predicates.add(new HistoryPredicate(HistoryPredicate.Kind.BY, ops.size() == 1 ? ops.get(0) : new Operand.ListOf(ops)));
            byKeys = new HashSet<>();
            for (String p : people) byKeys.add(p.equals("currentUser()") ? "currentUser" : p);
        }
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        for (long[] w : windows) {
            long a = w[1];
            long b = w[2];
            switch ((int) w[0]) {
                case 0 -> {
                    predicates.add(new HistoryPredicate(HistoryPredicate.Kind.AFTER, new Operand.Num(a)));
                    lo = Math.max(lo, a + 1);
                }
                case 1 -> {
                    predicates.add(new HistoryPredicate(HistoryPredicate.Kind.BEFORE, new Operand.Num(a)));
                    hi = Math.min(hi, a - 1);
                }
                case 2 -> {
                    predicates.add(new HistoryPredicate(HistoryPredicate.Kind.ON, new Operand.Num(a)));
                    LocalDate day = Instant.ofEpochMilli(a).atZone(ZoneOffset.UTC).toLocalDate();
                    lo = Math.max(lo, day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                    hi = Math.min(hi, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
                }
                case 3 -> {
                    // a date as text, in the searcher's zone (UTC): the day's midnight
                    LocalDate day = Instant.ofEpochMilli(a).atZone(ZoneOffset.UTC).toLocalDate();
                    predicates.add(new HistoryPredicate(HistoryPredicate.Kind.AFTER, new Operand.Value(day.toString())));
                    lo = Math.max(lo, day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 1);
                }
                default -> {
                    predicates.add(new HistoryPredicate(HistoryPredicate.Kind.DURING, new Operand.ListOf(List.of(new Operand.Num(Math.min(a, b)),
                            new Operand.Num(Math.max(a, b))))));
                    lo = Math.max(lo, Math.min(a, b));
                    hi = Math.min(hi, Math.max(a, b));
                }
            }
        }
        String name = f == JqlField.FIX_VERSION ? "fixVersion" : f.names.get(0);
        Operand operand = null;
        Set<String> valueKeys = null;
        if (op != Operator.CHANGED) {
            operand = op.isList() ? new Operand.ListOf(values.stream().map(v -> operand(v[0])).toList()) : operand(values.get(0)[0]);
            valueKeys = op.isList() ? keys(values) : keys(values.subList(0, 1));
        }
        var clause = new Clause.Terminal(name, op, operand, predicates);
        return new Case(clause, new HistoryWorld.Ask(f, op, valueKeys, fromKeys, toKeys, byKeys, lo, hi));
    }

    private static Operand listOrOne(List<String[]> values) {
        return values.size() == 1 ? operand(values.get(0)[0]) : new Operand.ListOf(values.stream().map(v -> operand(v[0])).toList());
    }

    private static Set<String> keys(List<String[]> values) {
        var out = new HashSet<String>();
        for (String[] v : values) out.add(v[1]);
        return out;
    }
}
