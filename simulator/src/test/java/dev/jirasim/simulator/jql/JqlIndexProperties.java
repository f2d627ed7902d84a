package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueGenerator;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Search through the index returns exactly what a plain filter over all issues returns, in the same order. */
class JqlIndexProperties {
    private static final List<String> PEOPLE = List.of("u1", "u2", "u3", "u4");
    private static final List<User> USERS = PEOPLE.stream()
            .map(id -> new User(id, id + "@x.test", "Person " + id, null, null, null, null, List.of("s"), List.of())).toList();
    private static final List<Project> PROJECTS = List.of("ALPHA", "BETA", "GAMMA").stream()
            .map(k -> new Project(Integer.toString(10000 + k.charAt(0)), k, k, "s", null, null, Map.of())).toList();
    private static final List<Issue> ISSUES = new ArrayList<>();
    private static final IssueIndex INDEX;

    static {
        long id = 10000;
        for (Project p : PROJECTS) {
            ISSUES.addAll(IssueGenerator.generate(new IssueGenerator.Spec(3L, 150), p, PEOPLE, id));
            id += 150;
        }
        INDEX = IssueIndex.of(ISSUES);
    }

    /** A clause as JQL plus the same condition written directly against issues. */
    record Cond(String jql, Predicate<Issue> test, Set<String> projects) {
        Cond and(Cond o) {
            return new Cond("(" + jql + ") AND (" + o.jql + ")", test.and(o.test), union(o));
        }

        Cond or(Cond o) {
            return new Cond("(" + jql + ") OR (" + o.jql + ")", test.or(o.test), union(o));
        }

        Cond not() {
            return new Cond("NOT (" + jql + ")", test.negate(), projects);
        }

        private Set<String> union(Cond o) {
            var all = new java.util.HashSet<>(projects);
            all.addAll(o.projects);
            return all;
        }
    }

    @Property(tries = 400)
    void indexMatchesBruteForce(@ForAll("conds") Cond cond, @ForAll("visibleSets") Set<String> visible, @ForAll("orders") String order,
                                @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 30) int limit) {
        var ctx = new SearchContext("u1", java.time.Instant.parse("2026-03-01T00:00:00Z"),
                ZoneOffset.UTC, p -> visible.contains(p.key()), ref -> USERS.stream().filter(u -> u.matches(ref)).findFirst(),
                ref -> PROJECTS.stream().filter(p -> p.key().equalsIgnoreCase(ref)).findFirst());
        String jql = cond.jql() + order;
        if (!visible.containsAll(cond.projects())) {
            var e = assertThrows(JqlException.class, () -> JqlSearch.search(INDEX, jql, ctx));
            assertTrue(e.errorMessages().stream().allMatch(m -> m.endsWith("does not exist for the field 'project'.")), jql);
            return;
        }
        List<Issue> expected = ISSUES.stream().filter(i -> visible.contains(i.project())).filter(cond.test())
                .sorted(comparator(order)).toList();
        assertEquals(ids(expected), ids(JqlSearch.search(INDEX, jql, ctx)), jql);
        Query query = Jql.parse(jql);
        assertEquals(ids(expected.subList(0, Math.min(limit, expected.size()))), ids(JqlSearch.search(INDEX, query, ctx, limit)), jql + " limit " + limit);
        assertEquals(expected.size(), JqlSearch.count(INDEX, query, ctx), jql);
    }

    /**
     * Date-range queries over a larger index, ordered by date: these take the bounded tree walk (hits neither
     * few nor most of the index), which the small index above never reaches.
     */
    @Property(tries = 60)
    void orderedDateRangesMatchBruteForce(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 500) int startDay,
                                          @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 80) int days,
                                          @ForAll("rangeOrders") String order, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 400) int limit) {
        LocalDate from = LocalDate.parse("2025-06-01").plusDays(startDay);
        LocalDate to = from.plusDays(days);
        String field = order.contains("updated") ? "updated" : "created";
        String jql = field + " >= " + from + " AND " + field + " < " + to + order;
        java.util.function.Function<Issue, java.time.Instant> get = field.equals("updated") ? Issue::updated : Issue::created;
        var lo = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var hi = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        Comparator<Issue> byId = Comparator.comparingLong(i -> Long.parseLong(i.id()));
        Comparator<Issue> c = order.isEmpty() ? Comparator.comparing(Issue::created).thenComparing(byId).reversed()
                : order.endsWith("DESC") || order.endsWith("created") ? Comparator.comparing(get).reversed().thenComparing(byId) : Comparator.comparing(get).thenComparing(byId);
        List<Issue> expected = BIG.stream().filter(i -> !get.apply(i).isBefore(lo) && get.apply(i).isBefore(hi)).sorted(c).toList();
        var ctx = new SearchContext("u1", java.time.Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC, p -> true,
                ref -> USERS.stream().filter(u -> u.matches(ref)).findFirst(), ref -> PROJECTS.stream().filter(p -> p.key().equalsIgnoreCase(ref)).findFirst());
        assertEquals(ids(expected), ids(JqlSearch.search(BIG_INDEX, jql, ctx)), jql);
        assertEquals(ids(expected.subList(0, Math.min(limit, expected.size()))), ids(JqlSearch.search(BIG_INDEX, Jql.parse(jql), ctx, limit)), jql);
    }

    private static final List<Issue> BIG = new ArrayList<>();
    private static final IssueIndex BIG_INDEX;

    static {
        long id = 50_000;
        for (Project p : PROJECTS) {
            BIG.addAll(IssueGenerator.generate(new IssueGenerator.Spec(11L, 1500), p, PEOPLE, id));
            id += 1500;
        }
        BIG_INDEX = IssueIndex.of(BIG);
    }

    @Provide
    Arbitrary<String> rangeOrders() {
        return Arbitraries.of("", " ORDER BY created", " ORDER BY created ASC", " ORDER BY updated DESC", " ORDER BY updated ASC");
    }

    private static List<String> ids(List<Issue> issues) {
        return issues.stream().map(Issue::key).toList();
    }

    private static Comparator<Issue> comparator(String order) {
        Comparator<Issue> byId = Comparator.comparingLong(i -> Long.parseLong(i.id()));
        return switch (order) {
            case "" -> Comparator.comparing(Issue::created).thenComparing(byId).reversed();
            case " ORDER BY key" -> Comparator.comparing(Issue::project).thenComparingLong(Issue::number);
            case " ORDER BY created ASC" -> Comparator.comparing(Issue::created).thenComparing(byId);
            case " ORDER BY duedate DESC" -> Comparator.comparing(Issue::duedate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                    .reversed().thenComparing(byId);
            default -> Comparator.comparingInt((Issue i) -> rank(i.priority())).reversed().thenComparing(byId);
        };
    }

    private static int rank(String priority) {
        var names = JiraCatalog.PRIORITIES.stream().map(JiraCatalog.Priority::name).toList();
        return names.size() - names.indexOf(priority);
    }

    @Provide
    Arbitrary<String> orders() {
        return Arbitraries.of("", " ORDER BY key", " ORDER BY created ASC", " ORDER BY duedate DESC", " ORDER BY priority DESC");
    }

    @Provide
    Arbitrary<Set<String>> visibleSets() {
        return Arbitraries.of("ALPHA", "BETA", "GAMMA").set().ofMinSize(1);
    }

    @Provide
    Arbitrary<Cond> conds() {
        Arbitrary<Cond> leaf = leaf();
        Arbitrary<Cond> two = Combinators.combine(leaf, leaf, Arbitraries.integers().between(0, 3)).as((a, b, how) -> switch (how) {
            case 0 -> a.and(b);
            case 1 -> a.or(b);
            case 2 -> a.and(b.not());
            default -> a.not();
        });
        return Arbitraries.oneOf(leaf, two, Combinators.combine(two, leaf).as(Cond::and), Combinators.combine(two, two).as(Cond::or));
    }

    private Arbitrary<Cond> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.of("ALPHA", "BETA", "GAMMA").set().ofMinSize(1).ofMaxSize(2).flatMap(ps -> Arbitraries.of(true, false).map(neg ->
                        new Cond("project " + (neg ? "NOT IN" : "IN") + " (" + String.join(", ", ps) + ")", i -> ps.contains(i.project()) != neg, ps))),
                terms("status", Issue::status, "To Do", "In Progress", "In Review", "Done"),
                terms("type", Issue::issueType, "Task", "Bug", "Story", "Epic", "Subtask"),
                terms("assignee", Issue::assignee, "u1", "u2", "u3"),
                terms("resolution", Issue::resolution, "Done", "Won't Do"),
                Arbitraries.of("backend", "ux", "api", "infra").flatMap(l -> Arbitraries.of(
                        new Cond("labels = " + l, i -> i.labels().contains(l), Set.of()),
                        new Cond("labels != " + l, i -> !i.labels().isEmpty() && !i.labels().contains(l), Set.of()),
                        new Cond("labels is EMPTY", i -> i.labels().isEmpty(), Set.of()))),
                Arbitraries.of("Highest", "High", "Medium", "Low", "Lowest").flatMap(p -> Arbitraries.of(
                        new Cond("priority > " + p, i -> rank(i.priority()) > rank(p), Set.of()),
                        new Cond("priority <= " + p, i -> rank(i.priority()) <= rank(p), Set.of()))),
                Arbitraries.integers().between(0, 540).flatMap(d -> {
                    LocalDate day = LocalDate.parse("2025-06-01").plusDays(d);
                    var at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                    return Arbitraries.of(
                            new Cond("created >= " + day, i -> !i.created().isBefore(at), Set.of()),
                            new Cond("updated < \"" + day + " 00:00\"", i -> i.updated().isBefore(at), Set.of()),
                            new Cond("duedate <= " + day, i -> i.duedate() != null && !i.duedate().isAfter(day), Set.of()),
                            new Cond("resolved > " + day, i -> i.resolved() != null && i.resolved().isAfter(at), Set.of()));
                }),
                Arbitraries.of("fix", "log", "login", "export", "safari", "dash", "reset", "mobile").map(w ->
                        new Cond("summary ~ " + w, i -> Arrays.stream(i.summary().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                                .anyMatch(s -> s.startsWith(w)), Set.of())),
                Arbitraries.of(new Cond("assignee is EMPTY", i -> i.assignee() == null, Set.of()),
                        new Cond("duedate is not EMPTY", i -> i.duedate() != null, Set.of()),
                        new Cond("resolution = Unresolved", i -> i.resolution() == null, Set.of())));
    }

    /** {@code field = v}, {@code != v}, {@code IN}, {@code NOT IN}; negatives leave out issues without a value, as Jira's do. */
    private Arbitrary<Cond> terms(String field, java.util.function.Function<Issue, String> get, String... values) {
        return Arbitraries.of(values).set().ofMinSize(1).ofMaxSize(2).flatMap(vs -> Arbitraries.of(0, 1).map(neg -> {
            String list = vs.stream().map(v -> "\"" + v.replace("'", "\\'") + "\"").collect(Collectors.joining(", "));
            Set<String> lower = vs.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            Predicate<Issue> in = i -> get.apply(i) != null && lower.contains(get.apply(i).toLowerCase(Locale.ROOT));
            return neg == 1 ? new Cond(field + " NOT IN (" + list + ")", in.negate().and(i -> get.apply(i) != null), Set.of())
                    : new Cond(field + " IN (" + list + ")", in, Set.of());
        }));
    }
}
