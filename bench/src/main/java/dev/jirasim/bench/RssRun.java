package dev.jirasim.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak resident memory under load, each server a JVM of its own started as a user would (plain {@code java -jar},
 * no options, so the JVM sizes its heap as it does by default): bare Javalin serving the search page as a fixed string
 * for four times {@code --seconds}; Jirasim serving search/jql for as long; and a fresh Jirasim serving its routes in
 * turn (search, search of 50 issues, token refresh, the Nango proxy), each for {@code --seconds}. All under wrk; the
 * figure is the kernel's high-water mark of the process (VmHWM, Linux only).
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.jirasim.bench.RssRun [--seconds 20] [--jar simulator/target/jirasim.jar] [--out rss.md]
 * </pre>
 */
public final class RssRun {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final String CLOUD_ID = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";

    record Row(String server, String load, double peakMb) {
    }

    public static void main(String[] args) throws Exception {
        var opts = Cli.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        Path jar = Path.of(opts.getOrDefault("jar", "simulator/target/jirasim.jar")).toAbsolutePath();
        Path classes = Path.of(opts.getOrDefault("classes", "bench/target/classes")).toAbsolutePath();
        if (!Files.exists(Path.of("/proc/self/status")) || !Wrk.available()) {
            System.out.println("Peak RSS needs Linux (/proc) and wrk: not measured on this machine.");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var rows = new ArrayList<Row>();

        // Twice, each a fresh process: under search alone, then under the whole sequence, token refresh included.
        String searchBody = null;
        for (boolean all : new boolean[] {false, true}) {
            int port = freePort();
            Process sim = new ProcessBuilder(java, "-jar", jar.toString(), "--port", String.valueOf(port), "--log-level", "OFF")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String base = "http://127.0.0.1:" + port;
            try {
                await(sim, base + "/__admin/health");
                var issued = send("POST", base + "/__admin/tokens", Map.of("Content-Type", "application/json"), "{\"user\":\"alice@acme.test\",\"sites\":[\"acme\"]}");
                String access = field(issued, "access_token");
                String refresh = field(issued, "refresh_token");
                var bearer = Map.of("Authorization", "Bearer " + access);
                String search = base + "/api/ex/jira/" + CLOUD_ID + "/rest/api/3/search/jql?jql="
                        + URLEncoder.encode("project = ACME ORDER BY created DESC", StandardCharsets.UTF_8) + "&maxResults=10&fields=summary";
                String search50 = base + "/api/ex/jira/" + CLOUD_ID + "/rest/api/3/search/jql?jql="
                        + URLEncoder.encode("project = ACME ORDER BY updated DESC", StandardCharsets.UTF_8) + "&maxResults=50&fields=summary,status,updated";
                searchBody = send("GET", search, bearer, null);
                var targets = all ? List.of(
                        LoadRun.Target.get("search/jql", search, bearer),
                        LoadRun.Target.get("search/jql, 50 issues", search50, bearer),
                        // The same refresh token again and again, inside its 10-minute leeway: every answer mints a new pair.
                        new LoadRun.Target("token endpoint (refresh)", "POST", base + "/auth/oauth/token", Map.of("Content-Type", "application/json"),
                                () -> "{\"grant_type\":\"refresh_token\",\"client_id\":\"jirasim-client\",\"client_secret\":\"jirasim-secret\",\"refresh_token\":\"" + refresh + "\"}"),
                        LoadRun.Target.get("Nango proxy", base + "/nango/proxy/ex/jira/" + CLOUD_ID + "/rest/api/3/myself",
                                Map.of("Authorization", "Bearer c4f5e2a1-7b3d-4e8f-9a6c-1d2e3f4a5b6c", "Provider-Config-Key", "jira", "Connection-Id", "alice-acme")))
                        : List.of(LoadRun.Target.get("search/jql", search, bearer));
                var names = new ArrayList<String>();
                for (LoadRun.Target t : targets) {
                    // Alone, search gets as long as bare Javalin does.
                    Wrk.run(t, 2, 32, all ? seconds : seconds * 4);
                    names.add(t.name());
                }
                rows.add(new Row("java -jar jirasim.jar", String.join(", ", names), peakMb(sim)));
            } finally {
                sim.destroy();
                sim.waitFor();
            }
        }

        // Bare Javalin from the simulator's own jar (the same libraries), serving the search page as a fixed string.
        Path body = Files.createTempFile("jirasim-search", ".json");
        Files.writeString(body, searchBody);
        int barePort = freePort();
        Process bare = new ProcessBuilder(java, "-cp", jar + File.pathSeparator + classes, BareJavalin.class.getName(), "--port", String.valueOf(barePort),
                "--static", body.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await(bare, "http://127.0.0.1:" + barePort + "/hello");
            var t = LoadRun.Target.get("search's body as a string", "http://127.0.0.1:" + barePort + "/static", Map.of("Authorization", "Bearer x"));
            // As long as the simulator's whole run, so neither has less time to grow.
            Wrk.run(t, 2, 32, seconds * 4);
            rows.add(0, new Row("bare Javalin (baseline)", t.name(), peakMb(bare)));
        } finally {
            bare.destroy();
            bare.waitFor();
            Files.deleteIfExists(body);
        }

        var sb = new StringBuilder(String.format(Locale.ROOT,
                "Peak resident memory (VmHWM) of a JVM started without options, under wrk -t2 -c32, %d s per route (Java %s)%n%n",
                seconds, System.getProperty("java.version")));
        sb.append("| Server | Load | Peak RSS | × baseline |\n|---|---|---:|---:|\n");
        double baseline = rows.get(0).peakMb();
        for (Row r : rows) sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f MB | %.2f |%n", r.server(), r.load(), r.peakMb(), r.peakMb() / baseline));
        System.out.println(sb);
        if (opts.containsKey("out")) Files.writeString(Path.of(opts.get("out")), sb.toString());
    }

    private static double peakMb(Process p) throws IOException {
        Matcher m = HWM.matcher(Files.readString(Path.of("/proc/" + p.pid() + "/status")));
        if (!m.find()) throw new IOException("no VmHWM for process " + p.pid());
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    private static String send(String method, String url, Map<String, String> headers, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static void await(Process p, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("process exited with " + p.exitValue() + " before answering " + url);
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                Thread.sleep(20); // polling a process that is starting; nothing to wait on instead
            }
        }
        throw new IOException("no answer from " + url + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
