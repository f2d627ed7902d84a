package dev.jirasim.bench;

import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlSearch;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueGenerator;
import dev.jirasim.simulator.world.Project;
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
 * pages over it.
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

    @Param({"10000", "100000"})
    public int issues;

    private IssueIndex index;
    private SearchContext ctx;
    private Query indexed;
    private Query dateRange;
    private Query ordered;
    private Query broad;
    private Query text;

    @Setup
    public void setUp() {
        var people = new ArrayList<String>();
        var users = new ArrayList<User>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("user%02d", i);
            people.add(id);
            users.add(new User(id, id + "@bench.test", "User " + i, null, null, null, null, List.of("bench"), List.of()));
        }
        var projects = new ArrayList<Project>();
        var all = new ArrayList<Issue>();
        int perProject = issues / 10;
        for (int p = 0; p < 10; p++) {
            var project = new Project(Integer.toString(10000 + p), "PROJ" + p, "Project " + p, "bench", null, null, Map.of());
            projects.add(project);
            all.addAll(IssueGenerator.generate(new IssueGenerator.Spec(42L, perProject), project, people, 100_000L + (long) p * perProject));
        }
        index = IssueIndex.of(all);
        ctx = new SearchContext("user07", Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC, project -> true,
                ref -> users.stream().filter(u -> u.matches(ref)).findFirst(),
                ref -> projects.stream().filter(p -> p.key().equalsIgnoreCase(ref) || p.id().equals(ref)).findFirst());
        indexed = Jql.parse(INDEXED);
        dateRange = Jql.parse(DATE_RANGE);
        ordered = Jql.parse(ORDERED);
        broad = Jql.parse(BROAD);
        text = Jql.parse(TEXT);
        for (Query q : List.of(indexed, dateRange, ordered, broad, text)) {
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
    public List<Issue> searchTextBaseline() {
        return JqlSearch.search(index, text, ctx);
    }
}
