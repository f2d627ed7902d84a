package dev.jirasim.bench;

import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlSearch;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueGenerator;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.Sprint;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JQL parse and search over generated issues: 10 projects, 20 people, {@code issues / 10} issues per project
 * from {@link IssueGenerator} (created between 2025-06-01 and 2026-11-15). "now" is fixed so date ranges
 * select the same issues every run. Each search returns the full ordered result list, as the search route
 * pages over it. Each project has three components and three versions, and the site the default world's
 * custom fields (story points {@code cf[10016]}, Sprint {@code cf[10020]}, a start date, a select list,
 * reviewers) with six sprints, two of them active; the generator fills them as for the default world.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JqlBenchmark {
    static final String INDEXED = "project = PROJ3 AND status = \"In Progress\" AND assignee = user07";
    static final String DATE_RANGE = "created >= -30d AND created < startOfDay()";
    static final String ORDERED = "project = PROJ3 AND priority = High ORDER BY created DESC";
    static final String BROAD = "statusCategory != Done";
    static final String TEXT = "summary ~ dashboard";
    static final String COMPONENT_VERSION = "component = Backend AND fixVersion = \"1.1\"";
    static final String STORY_POINTS = "project = PROJ3 AND cf[10016] > 3";
    static final String OPEN_SPRINTS = "sprint in openSprints() AND assignee = user07";
    static final String CUSTOM_BROAD = "sprint in openSprints() AND \"Story point estimate\" >= 5";
    // History (issue 17): generated issues that left their first status carry that change at their updated time.
    static final String HISTORY_CHANGED = "status CHANGED AFTER -30d";
    static final String HISTORY_WAS_USER = "assignee WAS user07";
    static final String HISTORY_WAS_DURING = "status WAS \"In Progress\" DURING (\"2026-03-01\", \"2026-03-31\")";
    static final String HISTORY_CHANGED_FULL = "status CHANGED FROM \"To Do\" TO Done BY user07 AFTER -90d";

    @Param({"10000", "100000"})
    public int issues;

    private IssueIndex index;
    private SearchContext ctx;
    private Query indexed;
    private Query dateRange;
    private Query ordered;
    private Query broad;
    private Query text;
    private Query componentVersion;
    private Query storyPoints;
    private Query openSprints;
    private Query customBroad;
    private Query historyChanged;
    private Query historyWasUser;
    private Query historyWasDuring;
    private Query historyChangedFull;

    @Setup
    public void setUp() {
        var people = new ArrayList<String>();
        var users = new ArrayList<User>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("user%02d", i);
            people.add(id);
            users.add(new User(id, id + "@bench.test", "User " + i, null, null, null, null, List.of("bench"), List.of()));
        }
        var fields = List.of(
                new CustomField("customfield_10016", "bench", "Story point estimate", "storyPoints", null),
                new CustomField("customfield_10020", "bench", "Sprint", "sprint", null),
                new CustomField("customfield_10015", "bench", "Start date", "date", null),
                new CustomField("customfield_10050", "bench", "Customer tier", "select", List.of(new CustomField.Option("10300", "Gold"),
                        new CustomField.Option("10301", "Silver"), new CustomField.Option("10302", "Bronze"))),
                new CustomField("customfield_10060", "bench", "Reviewers", "multiUser", null));
        var sprints = new ArrayList<Sprint>();
        for (int s = 1; s <= 6; s++) {
            sprints.add(new Sprint(s, "bench", "Sprint " + s, s <= 2 ? "closed" : s <= 4 ? "active" : "future", 1 + s % 2, null, null, null, null));
        }
        var projects = new ArrayList<Project>();
        var all = new ArrayList<Issue>();
        int perProject = issues / 10;
        for (int p = 0; p < 10; p++) {
            int base = 10_100 + p * 10;
            var components = List.of(new Project.Component(Integer.toString(base), "Backend", null, null),
                    new Project.Component(Integer.toString(base + 1), "Frontend", null, null), new Project.Component(Integer.toString(base + 2), "API", null, null));
            var versions = List.of(new Project.Version(Integer.toString(base + 5), "1.0", null, true, null, null, null),
                    new Project.Version(Integer.toString(base + 6), "1.1", null, null, null, null, null),
                    new Project.Version(Integer.toString(base + 7), "2.0", null, null, null, null, null));
            var project = new Project(Integer.toString(10000 + p), "PROJ" + p, "Project " + p, "bench", null, null, Map.of(), null, components, versions);
            projects.add(project);
            all.addAll(IssueGenerator.generate(new IssueGenerator.Spec(42L, perProject), project, people, 100_000L + (long) p * perProject,
                    fields, sprints));
        }
        index = IssueIndex.of(all);
        ctx = new SearchContext("user07", Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC, project -> true,
                ref -> users.stream().filter(u -> u.matches(ref)).findFirst(),
                ref -> projects.stream().filter(p -> p.key().equalsIgnoreCase(ref) || p.id().equals(ref)).findFirst(),
                SearchContext.partsOf(projects), new SearchContext.Schema(fields, sprints));
        indexed = Jql.parse(INDEXED);
        dateRange = Jql.parse(DATE_RANGE);
        ordered = Jql.parse(ORDERED);
        broad = Jql.parse(BROAD);
        text = Jql.parse(TEXT);
        componentVersion = Jql.parse(COMPONENT_VERSION);
        storyPoints = Jql.parse(STORY_POINTS);
        openSprints = Jql.parse(OPEN_SPRINTS);
        customBroad = Jql.parse(CUSTOM_BROAD);
        historyChanged = Jql.parse(HISTORY_CHANGED);
        historyWasUser = Jql.parse(HISTORY_WAS_USER);
        historyWasDuring = Jql.parse(HISTORY_WAS_DURING);
        historyChangedFull = Jql.parse(HISTORY_CHANGED_FULL);
        for (Query q : List.of(indexed, dateRange, ordered, broad, text, componentVersion, storyPoints, openSprints, customBroad,
                historyChanged, historyWasUser, historyWasDuring, historyChangedFull)) {
            System.out.println("# " + issues + " issues, " + Jql.print(q) + " -> " + JqlSearch.search(index, q, ctx).size() + " hits");
        }
    }

    @Benchmark
    public Query parse() {
        return Jql.parse(INDEXED + " OR (labels in (backend, \"tech-debt\") AND updated >= startOfMonth(-1)) ORDER BY priority DESC, key");
    }

    @Benchmark
    public List<Issue> searchIndexed() {
        return JqlSearch.search(index, indexed, ctx);
    }

    @Benchmark
    public List<Issue> searchDateRange() {
        return JqlSearch.search(index, dateRange, ctx);
    }

    @Benchmark
    public List<Issue> searchOrderedByCreated() {
        return JqlSearch.search(index, ordered, ctx);
    }

    @Benchmark
    public List<Issue> searchBroadDefaultOrder() {
        return JqlSearch.search(index, broad, ctx);
    }

    /** The same broad query, first page only (50 issues plus one to know whether more follow). */
    @Benchmark
    public List<Issue> searchBroadFirstPage() {
        return JqlSearch.search(index, broad, ctx, 51);
    }

    @Benchmark
    public List<Issue> searchComponentVersion() {
        return JqlSearch.search(index, componentVersion, ctx);
    }

    @Benchmark
    public List<Issue> searchStoryPoints() {
        return JqlSearch.search(index, storyPoints, ctx);
    }

    @Benchmark
    public List<Issue> searchOpenSprints() {
        return JqlSearch.search(index, openSprints, ctx);
    }

    /** Two custom-field clauses over the whole site (a sprint lookup and a story-point range), first page. */
    @Benchmark
    public List<Issue> searchCustomFirstPage() {
        return JqlSearch.search(index, customBroad, ctx, 51);
    }

    @Benchmark
    public List<Issue> searchTextBaseline() {
        return JqlSearch.search(index, text, ctx);
    }

    @Benchmark
    public List<Issue> searchHistoryChanged() {
        return JqlSearch.search(index, historyChanged, ctx);
    }

    @Benchmark
    public List<Issue> searchHistoryWasUser() {
        return JqlSearch.search(index, historyWasUser, ctx);
    }

    @Benchmark
    public List<Issue> searchHistoryWasDuring() {
        return JqlSearch.search(index, historyWasDuring, ctx);
    }

    @Benchmark
    public List<Issue> searchHistoryChangedFull() {
        return JqlSearch.search(index, historyChangedFull, ctx);
    }
}
