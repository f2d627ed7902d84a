package dev.jirasim.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.control.TokenRequestSpec;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Load on loopback at fixed concurrency, every route measured in the same run so the ratios are fair:
 * a bare Javalin hello route (the ceiling of our stack), an authorized {@code /search/jql} page, the token
 * endpoint, a Nango proxy call, and WireMock serving the same search body as a static stub.
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.jirasim.bench.LoadRun [--seconds 10] [--rounds 3] [--concurrency 32]
 *        [--driver wrk|java] [--threads 2] [--only REGEX] [--smoke] [--serve] [--out table.md]
 * </pre>
 * The driver is wrk when it is on the PATH (a separate process: the load costs the servers no heap or JIT),
 * else a Java client in this JVM. {@code --serve} only starts the servers and prints the requests, for profiling.
 * {@code --only REGEX} measures only the routes whose names contain a match, besides the baseline and bare hello.
 * {@code --smoke} runs each route briefly and fails (exit 1) if any answer was not 2xx; it never judges timings.
 * {@code --out table.md} writes the Markdown table, and its numbers as {@code table.tsv} beside it for {@link Charts}.
 */
public final class LoadRun {
    /** One route under load: what both drivers (wrk and the Java client) send, again and again. */
    record Target(String name, String method, String url, Map<String, String> headers, Supplier<String> bodies) {
        static Target get(String name, String url, Map<String, String> headers) {
            return new Target(name, "GET", url, headers, () -> null);
        }

        /** The body this measurement sends (it may change between measurements, never within one). */
        String body() {
            return bodies.get();
        }

        HttpRequest request() {
            var b = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(b::header);
            String body = body();
            return body == null ? b.build() : b.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /** {@code cpuNanos}: CPU time the servers' JVM spent during the measurement, all its threads (0 when not measured). */
    record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros, long cpuNanos) {
        double rps() {
            return requests / seconds;
        }

        double cpuMicrosPerRequest() {
            return requests == 0 ? 0 : cpuNanos / 1000.0 / requests;
        }

        Result withCpu(long nanos) {
            return new Result(name, requests, errors, seconds, p50Micros, p99Micros, nanos);
        }
    }

    public static void main(String[] args) throws Exception {
        var opts = Cli.options(args);
        // One log line per request would measure the console, not the server.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        boolean smoke = opts.containsKey("smoke");
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", smoke ? "2" : "10"));
        int warmup = smoke ? 1 : Math.max(2, seconds); // the JIT needs about that long to settle on this machine
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "32"));
        String driver = opts.getOrDefault("driver", Wrk.available() ? "wrk" : "java");
        int wrkThreads = Integer.parseInt(opts.getOrDefault("threads", "2"));

        JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
        sim.control().setClock(null, true); // tokens never expire mid-run, Nango never needs a refresh
        IssuedTokens tokens = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
        String cloudId = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";
        String search = sim.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3/search/jql?jql="
                + URLEncoder.encode("project = ACME ORDER BY created DESC", StandardCharsets.UTF_8) + "&maxResults=10&fields=summary";
        String search50 = sim.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3/search/jql?jql="
                + URLEncoder.encode("project = ACME ORDER BY updated DESC", StandardCharsets.UTF_8) + "&maxResults=50&fields=summary,status,updated";
        HttpClient probe = HttpClient.newHttpClient();
        // Work logged on ACME's issues, so that /worklog/updated has a page to serve (the default world has none); the
        // route leaves out the last minute of the world's clock, so the clock moves on past it.
        for (int i = 0; i < 300; i++) {
            var logged = probe.send(HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3/issue/ACME-" + (1 + i % 60) + "/worklog"))
                    .header("Authorization", "Bearer " + tokens.accessToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"timeSpentSeconds\":3600,\"started\":\"2026-11-02T09:00:00.000+0000\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (logged.statusCode() != 201) throw new IllegalStateException("logging work failed: " + logged.statusCode() + " " + logged.body());
        }
        sim.control().advanceClock(java.time.Duration.ofMinutes(2));
        String searchBody = probe.send(HttpRequest.newBuilder(URI.create(search)).header("Authorization", "Bearer " + tokens.accessToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Javalin bare = BareJavalin.start(searchBody);
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        wiremock.start();
        wiremock.stubFor(WireMock.get(WireMock.urlPathEqualTo("/search/jql"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(searchBody)));

        // Every refresh mints new tokens, kept as the real service keeps them (valid for an hour; the clock is frozen):
        // a few hundred MB per run. They live in a tenant of their own that is dropped after each measurement, so
        // they never weigh on the routes measured after them.
        var refreshBody = new AtomicReference<String>();
        Runnable freshRefreshTenant = () -> {
            sim.removeTenant("refresh");
            sim.createTenant("refresh");
            sim.control("refresh").setClock(null, true);
            String refreshToken = sim.control("refresh").issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).refreshToken();
            refreshBody.set("{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\","
                    + "\"refresh_token\":\"" + refreshToken + "\"}");
        };
        freshRefreshTenant.run();
        var bearer = Map.of("Authorization", "Bearer " + tokens.accessToken());
        var allTargets = List.of(
                Target.get("bare Javalin hello", "http://127.0.0.1:" + bare.port() + "/hello", Map.of()),
                // The same request and the same answer as the search, from a fixed string: what the search's work costs.
                // Sent the search's own path and query: Jetty reads a request line character by character, and a baseline
                // answering "/static" left that part of the search's cost out of the comparison.
                Target.get("bare Javalin, search's body as a string", "http://127.0.0.1:" + bare.port() + search.substring(sim.baseUrl().length()), bearer),
                // The baseline until 2026-12-07 (a short request line), kept so the two can be compared in one run.
                Target.get("bare Javalin, search's body at /static", "http://127.0.0.1:" + bare.port() + "/static", bearer),
                Target.get("search/jql (authorized)", search, bearer),
                // Inside the frozen clock's 10-minute leeway the same refresh token may be presented again and again.
                new Target("token endpoint (refresh)", "POST", sim.baseUrl("refresh") + "/auth/oauth/token", Map.of("Content-Type", "application/json"),
                        refreshBody::get),
                Target.get("Nango proxy (myself)", sim.baseUrl() + "/nango/proxy/ex/jira/" + cloudId + "/rest/api/3/myself",
                        Map.of("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "Provider-Config-Key", "jira", "Connection-Id", "alice-acme")),
                Target.get("WireMock static stub (same body)", wiremock.baseUrl() + "/search/jql", bearer),
                // A sync's page: 50 issues, then the same page with each issue's history inline (issue 17: within 3×).
                Target.get("search/jql, 50 issues", search50, bearer),
                Target.get("search/jql, 50 issues, expand=changelog", search50 + "&expand=changelog", bearer),
                Target.get("worklog/updated (incremental sync)", sim.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3/worklog/updated?since=0", bearer));
        // --only REGEX: the routes whose names match, and the two bare Javalin rows before them (the baseline among them).
        var only = java.util.regex.Pattern.compile(opts.getOrDefault("only", ".*"));
        var targets = new ArrayList<Target>();
        for (int i = 0; i < allTargets.size(); i++) {
            if (i <= BASELINE || only.matcher(allTargets.get(i).name()).find()) targets.add(allTargets.get(i));
        }

        if (opts.containsKey("serve")) {
            // For profiling or poking by hand: print each target as wrk would send it, then serve until stdin closes.
            for (Target t : targets) System.out.println(t.name() + "\n  " + t.method() + " " + t.url() + "\n  " + t.headers() + (t.body() == null ? "" : "\n  " + t.body()));
            System.out.println("serving; close stdin (Ctrl-D) to stop");
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
            wiremock.stop();
            sim.close();
            bare.stop();
            return;
        }
        // Rounds interleave the routes so a noisy moment on the machine hits all of them alike; each figure is the
        // median over rounds, and each ratio the median of the per-round ratios.
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", smoke ? "1" : "3"));
        List<List<Result>> byRound = new ArrayList<>();
        try {
            Runnable after = () -> {
                freshRefreshTenant.run();
                System.gc(); // every route starts from a collected heap, as JMH does between iterations
            };
            for (Target t : targets) {
                measure(driver, t, wrkThreads, concurrency, warmup);
                after.run();
            }
            for (int r = 0; r < rounds; r++) {
                var round = new ArrayList<Result>();
                for (Target t : targets) {
                    round.add(measure(driver, t, wrkThreads, concurrency, seconds));
                    after.run();
                }
                byRound.add(round);
            }
        } finally {
            wiremock.stop();
            sim.close();
            bare.stop();
        }
        var figures = figures(byRound, concurrency, seconds, rounds, driver.equals("wrk") ? "wrk -t" + wrkThreads : "Java HttpClient");
        String table = table(figures) + cpuTable(byRound);
        System.out.println(table);
        long errors = byRound.stream().flatMap(List::stream).mapToLong(Result::errors).sum();
        if (opts.containsKey("out")) {
            // The table for docs/performance.md, and its numbers beside it for the charts (Charts reads load.tsv).
            Path out = Path.of(opts.get("out"));
            Files.writeString(out, table);
            Files.writeString(Figures.tsvBeside(out), Figures.loadTsv(figures));
        }
        if (errors > 0) {
            System.err.println("load run: " + errors + " answers were not 2xx");
            System.exit(1);
        }
    }

    private static Result measure(String driver, Target t, int wrkThreads, int concurrency, int seconds) throws Exception {
        if (!driver.equals("wrk")) return run(t, concurrency, seconds);
        long before = CPU.getProcessCpuTime();
        Result r = Wrk.run(t, wrkThreads, concurrency, seconds);
        return r.withCpu(CPU.getProcessCpuTime() - before);
    }

    /** This JVM's CPU time: every server here, and nothing else while wrk (another process) drives the load. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** {@code concurrency} workers send back to back for {@code seconds}; every latency is kept for the percentiles. */
    static Result run(Target target, int concurrency, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var stop = new AtomicBoolean();
        var errors = new AtomicLong();
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(concurrency);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[concurrency];
        for (int w = 0; w < concurrency; w++) latencies.add(new long[1 << 16]);
        for (int w = 0; w < concurrency; w++) {
            int me = w;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(target.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = 0;
                        }
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (status < 200 || status >= 300) errors.incrementAndGet();
                        long[] mine = latencies.get(me);
                        if (counts[me] == mine.length) latencies.set(me, mine = Arrays.copyOf(mine, mine.length * 2));
                        mine[counts[me]++] = micros;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        // The measuring window itself is the one wait here: a load run is timed by definition.
        done.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        long p50 = total == 0 ? 0 : all[(int) (total * 0.50)];
        long p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))];
        return new Result(target.name(), total, errors.get(), elapsed, p50, p99, 0);
    }

    /** Index of the baseline in every round: bare Javalin serving the search's body for the same request. */
    static final int BASELINE = 1;

    /** Per route, the medians over rounds and the medians of the per-round ratios to the baseline. */
    static Figures.Table<Figures.Load> figures(List<List<Result>> byRound, int concurrency, int seconds, int rounds, String driver) {
        String caption = String.format(Locale.ROOT, "Loopback, %s, %d connections, %d rounds of %d s per route (medians), measured %s",
                driver, concurrency, rounds, seconds, LocalDate.now());
        var rows = new ArrayList<Figures.Load>();
        int routes = byRound.get(0).size();
        for (int i = 0; i < routes; i++) {
            int at = i;
            double rps = Cli.median(byRound.stream().mapToDouble(r -> r.get(at).rps()));
            double ratio = Cli.median(byRound.stream().mapToDouble(r -> r.get(at).rps() / r.get(BASELINE).rps()));
            double p50 = Cli.median(byRound.stream().mapToDouble(r -> r.get(at).p50Micros()));
            double p99 = Cli.median(byRound.stream().mapToDouble(r -> r.get(at).p99Micros()));
            double p99Ratio = Cli.median(byRound.stream().mapToDouble(r -> (double) r.get(at).p99Micros() / Math.max(1, r.get(BASELINE).p99Micros())));
            long errors = byRound.stream().mapToLong(r -> r.get(at).errors()).sum();
            rows.add(new Figures.Load(byRound.get(0).get(i).name(), i == BASELINE, rps, ratio, p50 / 1000, p99 / 1000, p99Ratio, errors));
        }
        return new Figures.Table<>(caption, rows);
    }

    static String table(Figures.Table<Figures.Load> figures) {
        var sb = new StringBuilder(figures.caption()).append("\n\n");
        sb.append("| Route | Requests/s | × baseline | p50 | p99 | p99 × baseline | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Figures.Load r : figures.rows()) {
            String name = r.route() + (r.baseline() ? " **(baseline)**" : "");
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f ms | %.2f ms | %.2f | %d |%n", name, r.rps(), r.ratio(), r.p50Ms(), r.p99Ms(), r.p99Ratio(), r.non2xx()));
        }
        return sb.toString();
    }

    /**
     * CPU per request, from the same measurements: steadier than requests per second on a noisy machine, where wrk's
     * share of the two cores and a neighbour's load move every row alike only on average. Empty without wrk (a Java
     * client in this JVM would count its own CPU).
     */
    static String cpuTable(List<List<Result>> byRound) {
        if (byRound.get(0).get(BASELINE).cpuNanos() == 0) return "";
        var sb = new StringBuilder("\nCPU time of the servers' JVM per request (all its threads: handlers, Jetty, GC, JIT), median over the same rounds;"
                + " \"× baseline\" is the baseline's CPU per request divided by the route's, the share of the baseline's requests/s the route"
                + " would reach if CPU were the only limit (median of the per-round ratios)\n\n");
        sb.append("| Route (CPU) | CPU per request | × baseline |\n|---|---:|---:|\n");
        for (int i = 0; i < byRound.get(0).size(); i++) {
            int at = i;
            double micros = Cli.median(byRound.stream().mapToDouble(r -> r.get(at).cpuMicrosPerRequest()));
            double ratio = Cli.median(byRound.stream().mapToDouble(r -> r.get(BASELINE).cpuMicrosPerRequest() / r.get(at).cpuMicrosPerRequest()));
            String name = byRound.get(0).get(i).name() + (i == BASELINE ? " **(baseline)**" : "");
            sb.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.2f |%n", name, micros, ratio));
        }
        return sb.toString();
    }
}
