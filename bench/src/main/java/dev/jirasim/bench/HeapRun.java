package dev.jirasim.bench;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.control.TokenRequestSpec;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Heap with the default world and with the same world grown to 100 002 Cloud issues ({@code perProject} 16 667 for
 * its six projects), each measured after searches that build every site's index, and a full GC.
 * Run it with the heap limit under test: {@code java -Xmx256m -cp bench/target/benchmarks.jar dev.jirasim.bench.HeapRun}.
 */
public final class HeapRun {
    /** A project on each site; alice is made a member of initech too, so every site's index gets built. */
    private static final Map<String, String> SITES = Map.of("7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70", "ACME",
            "b2e4c6a8-3d5f-4a1b-8c7e-9f0a1b2c3d4e", "GLX", "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "TPS");

    private static final double MB = 1 << 20;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        var opts = Cli.options(args);
        int perProject = Integer.parseInt(opts.getOrDefault("per-project", "16667"));
        String text;
        try (InputStream in = JirasimServer.class.getResourceAsStream("default-world.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String everywhere = text.replace("sites: [acme, globex]", "sites: [acme, globex, initech]");
        Path normal = Files.createTempFile("jirasim-default", ".yaml");
        Files.writeString(normal, everywhere);
        Path big = Files.createTempFile("jirasim-100k", ".yaml");
        Files.writeString(big, everywhere.replace("perProject: 60", "perProject: " + perProject));

        long before = usedAfterGc();
        long small = measure(normal, before);
        long t0 = System.nanoTime();
        long large = measure(big, before);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int issues = 6 * perProject;
        long max = Runtime.getRuntime().maxMemory();
        var sb = new StringBuilder();
        sb.append(String.format("Heap in use after a full GC (MB = 2^20 bytes), simulator started in this JVM with `-Xmx%d m` (Java %s)%n%n", max / (1 << 20),
                System.getProperty("java.version")).replace("-Xmx" + max / (1 << 20) + " m", "-Xmx" + max / (1 << 20) + "m"));
        sb.append("| World | Heap used | Per issue |\n|---|---:|---:|\n");
        sb.append(String.format("| JVM before any simulator | %.1f MB | |%n", before / MB));
        sb.append(String.format("| default world (360 Cloud + 90 DC issues), indexes built | %.1f MB | |%n", small / MB));
        sb.append(String.format("| default world with %,d Cloud issues, indexes built | %.1f MB | %s |%n", issues, large / MB,
                issues > 360 ? String.format("%.0f bytes", (double) (large - small) / (issues - 360)) : "—"));
        sb.append(String.format("%nLoading that world and building its index took %.1f s.%n", loadSeconds));
        System.out.println(sb);
        if (opts.containsKey("out")) Files.writeString(Path.of(opts.get("out")), sb.toString());
        Files.deleteIfExists(big);
        Files.deleteIfExists(normal);
    }

    /** Starts a simulator on the world, searches every site once (building its index), and returns heap in use then. */
    private static long measure(Path fixture, long before) throws Exception {
        var builder = SimulatorConfig.builder().randomPort();
        builder.fixture(fixture);
        try (JirasimServer sim = JirasimServer.start(builder.build())) {
            IssuedTokens tokens = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme", "globex", "initech"));
            HttpClient http = HttpClient.newHttpClient();
            for (var site : SITES.entrySet()) {
                String url = sim.apiUrl() + "/ex/jira/" + site.getKey() + "/rest/api/3/search/jql?jql="
                        + URLEncoder.encode("project = " + site.getValue() + " ORDER BY created DESC", StandardCharsets.UTF_8) + "&maxResults=10&fields=summary";
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + tokens.accessToken()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) throw new IllegalStateException("search answered " + status);
            }
            long used = usedAfterGc();
            if (fixture.getFileName().toString().contains("100k") && System.getProperty("histogram") != null) {
                // -Dhistogram: the largest classes on the heap now, to see where the bytes go.
                var server = ManagementFactory.getPlatformMBeanServer();
                var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
                String histogram = (String) server.invoke(name, "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
                histogram.lines().limit(30).forEach(System.out::println);
            }
            return used;
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
