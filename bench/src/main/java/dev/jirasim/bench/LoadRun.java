package dev.jirasim.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.jirasim.simulator.Jirasim;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Load on loopback at fixed concurrency, every route measured in the same run so the ratios are fair:
 * a bare Javalin hello route (the ceiling of our stack), an authorized {@code /search/jql} page, the token
 * endpoint, a Nango proxy call, and WireMock serving the same search body as a static stub.
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.jirasim.bench.LoadRun [--seconds 10] [--concurrency 32] [--smoke] [--docs docs/performance.md]
 * </pre>
 * {@code --smoke} runs each route briefly and fails (exit 1) if any answer was not 2xx; it never judges timings.
 */
public final class LoadRun {
    record Target(String name, Supplier<HttpRequest> request) {
    }

    record Result(String name, long requests, long errors, double seconds, long p50Micros, long p99Micros) {
        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        var opts = options(args);
        // One log line per request would measure the console, not the server.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        boolean smoke = opts.containsKey("smoke");
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", smoke ? "2" : "10"));
        int warmup = smoke ? 1 : Math.max(2, seconds / 2);
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "32"));

        Javalin bare = BareJavalin.start();
        Jirasim sim = Jirasim.start(SimulatorConfig.builder().randomPort().build());
        sim.control().setClock(null, true); // tokens never expire mid-run, Nango never needs a refresh
        IssuedTokens tokens = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
        String cloudId = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";
        String search = sim.apiUrl() + "/ex/jira/" + cloudId + "/rest/api/3/search/jql?jql="
                + URLEncoder.encode("project = ACME ORDER BY created DESC", StandardCharsets.UTF_8) + "&maxResults=10&fields=summary,status,assignee";
        HttpClient probe = HttpClient.newHttpClient();
        String searchBody = probe.send(HttpRequest.newBuilder(URI.create(search)).header("Authorization", "Bearer " + tokens.accessToken()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        wiremock.start();
        wiremock.stubFor(WireMock.get(WireMock.urlPathEqualTo("/search/jql"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(searchBody)));

        String refreshBody = "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\",\"refresh_token\":\""
                + tokens.refreshToken() + "\"}";
        var targets = List.of(
                new Target("bare Javalin hello", () -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/hello")).build()),
                new Target("search/jql (authorized)", () -> HttpRequest.newBuilder(URI.create(search))
                        .header("Authorization", "Bearer " + tokens.accessToken()).build()),
                // Inside the frozen clock's 10-minute leeway the same refresh token may be presented again and again.
                new Target("token endpoint (refresh)", () -> HttpRequest.newBuilder(URI.create(sim.authUrl() + "/oauth/token"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(refreshBody)).build()),
                new Target("Nango proxy (myself)", () -> HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/nango/proxy/ex/jira/" + cloudId
                                + "/rest/api/3/myself")).header("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c")
                        .header("Provider-Config-Key", "jira").header("Connection-Id", "alice-acme").build()),
                new Target("WireMock static stub (same body)", () -> HttpRequest.newBuilder(URI.create(wiremock.baseUrl() + "/search/jql")).build()));

        var results = new ArrayList<Result>();
        try {
            for (Target t : targets) {
                run(t, concurrency, warmup);
                results.add(run(t, concurrency, seconds));
            }
        } finally {
            wiremock.stop();
            sim.close();
            bare.stop();
        }
        String table = table(results, concurrency, seconds);
        System.out.println(table);
        long errors = results.stream().mapToLong(Result::errors).sum();
        if (opts.containsKey("docs")) write(Path.of(opts.get("docs")), table, concurrency, seconds);
        if (errors > 0) {
            System.err.println("load run: " + errors + " answers were not 2xx");
            System.exit(1);
        }
    }

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
                            status = client.send(target.request().get(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
        return new Result(target.name(), total, errors.get(), elapsed, p50, p99);
    }

    static String table(List<Result> results, int concurrency, int seconds) {
        Result base = results.get(0);
        var sb = new StringBuilder();
        sb.append(String.format("Loopback, %d connections, %d s per route, measured %s%n%n", concurrency, seconds, LocalDate.now()));
        sb.append("| Route | Requests/s | × bare Javalin | p50 | p99 | p99 × bare | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            sb.append(String.format("| %s | %,.0f | %.2f | %.2f ms | %.2f ms | %.2f | %d |%n", r.name(), r.rps(), r.rps() / base.rps(),
                    r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, (double) r.p99Micros() / Math.max(1, base.p99Micros()), r.errors()));
        }
        return sb.toString();
    }

    private static void write(Path docs, String table, int concurrency, int seconds) throws Exception {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
        String text = """
                # Performance

                Written by `bench/run.sh` (a load run on loopback; the client shares the machine with the servers, so
                compare the ratios, measured in one run, rather than the absolute numbers).

                Machine: %s.

                ## Requests per second and latency

                %s
                Reproduce: `bench/run.sh` (or `java -cp bench/target/benchmarks.jar dev.jirasim.bench.LoadRun --seconds %d --concurrency %d`).
                JQL engine figures: [jql-performance.md](jql-performance.md); per-test world and embedded start: [junit.md](junit.md#5-what-it-costs).
                """.formatted(machine, table, seconds, concurrency);
        Files.writeString(docs, text);
    }

    private static Map<String, String> options(String[] args) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) continue;
            String name = a.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) m.put(name, args[++i]);
            else m.put(name, "true");
        }
        return m;
    }
}
