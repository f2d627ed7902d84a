package dev.jirasim.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start: from launching a new JVM to its first answered request, for bare Javalin (its hello route, started
 * from the simulator's own jar so both load the same libraries from the same place), {@code java -jar jirasim.jar},
 * and each with an application class-data archive (AppCDS), as {@code ./jirasim} uses one. Runs interleave;
 * medians are printed as a Markdown table; with {@code --out cold.md}, the numbers also go to {@code cold.tsv} for the chart.
 * <pre>
 *   java -cp bench/target/benchmarks.jar dev.jirasim.bench.ColdStart [--runs 7] [--jar simulator/target/jirasim.jar] [--out table.md]
 * </pre>
 */
public final class ColdStart {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    record Variant(String name, List<String> command, String path) {
    }

    private static double median(List<Double> values) {
        return Cli.median(values.stream().mapToDouble(d -> d));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Cli.options(args);
        int runs = Integer.parseInt(opts.getOrDefault("runs", "7"));
        Path jar = Path.of(opts.getOrDefault("jar", "simulator/target/jirasim.jar")).toAbsolutePath();
        Path classes = Path.of(opts.getOrDefault("classes", "bench/target/classes")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = Files.createTempDirectory("jirasim-cds");
        Path archive = dir.resolve("jirasim.jsa");
        Path bareArchive = dir.resolve("bare.jsa");
        // Class-data archives take classes from jars only, so the bench classes bare Javalin needs go into a jar of their own.
        Path bareJar = dir.resolve("bare.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(bareJar))) {
            for (String entry : List.of("dev/jirasim/bench/BareJavalin.class", "dev/jirasim/bench/Cli.class")) {
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
        }
        var bare = List.of(java, "-cp", jar + File.pathSeparator + bareJar, "dev.jirasim.bench.BareJavalin");
        train(new Variant("bare", bare, "/hello"), bareArchive);
        train(new Variant("jirasim", List.of(java, "-jar", jar.toString()), "/"), archive);

        var variants = List.of(
                new Variant("bare Javalin hello (baseline)", bare, "/hello"),
                new Variant("bare Javalin hello with AppCDS", withArchive(bare, bareArchive), "/hello"),
                new Variant("java -jar jirasim.jar", List.of(java, "-jar", jar.toString()), "/"),
                new Variant("java -jar jirasim.jar with AppCDS (./jirasim)", withArchive(List.of(java, "-jar", jar.toString()), archive), "/"));
        var millis = new LinkedHashMap<String, List<Double>>();
        for (Variant v : variants) once(v); // the first launch pays for the page cache; not counted
        for (int r = 0; r < runs; r++) {
            for (Variant v : variants) millis.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(once(v));
        }
        double base = median(millis.get(variants.get(0).name()));
        var rows = new ArrayList<Figures.Cold>();
        for (Variant v : variants) {
            List<Double> m = millis.get(v.name());
            rows.add(new Figures.Cold(v.name(), v == variants.get(0), median(m), median(m) / base,
                    m.stream().mapToDouble(d -> d).min().orElse(0), m.stream().mapToDouble(d -> d).max().orElse(0)));
        }
        var figures = new Figures.Table<>(String.format(Locale.ROOT, "Launch of a new JVM to the first answered request, median of %d interleaved runs (Java %s)",
                runs, System.getProperty("java.version")), List.copyOf(rows));
        String table = table(figures);
        System.out.println(table);
        if (opts.containsKey("out")) {
            // The table for docs/performance.md, and its numbers beside it for the charts (Charts reads cold.tsv).
            Path out = Path.of(opts.get("out"));
            Files.writeString(out, table);
            Files.writeString(Figures.tsvBeside(out), Figures.coldTsv(figures));
        }
    }

    static String table(Figures.Table<Figures.Cold> figures) {
        var sb = new StringBuilder(figures.caption()).append("\n\n");
        sb.append("| Start | Median | × baseline | Fastest | Slowest |\n|---|---:|---:|---:|---:|\n");
        for (Figures.Cold r : figures.rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.2f | %.0f ms | %.0f ms |%n", r.start(), r.medianMs(), r.ratio(), r.fastestMs(), r.slowestMs()));
        }
        return sb.toString();
    }

    /** Milliseconds from launching the process to a 200 answer on its port; the process is then stopped. */
    static double once(Variant v) throws Exception {
        int port = freePort();
        var command = new ArrayList<>(v.command());
        command.addAll(List.of("--port", String.valueOf(port)));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitAnswer(p, port, v.path());
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /**
     * A training run for an archive: start, answer the first request, stop with SIGTERM; the JVM writes the
     * classes it loaded at exit (JDK 13+). {@code ./jirasim} does the same on its first run.
     */
    static void train(Variant v, Path archive) throws Exception {
        var command = new ArrayList<>(v.command());
        command.addAll(1, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        once(new Variant(v.name(), command, v.path()));
        if (!Files.exists(archive)) throw new IOException("the training run wrote no class-data archive at " + archive);
    }

    private static List<String> withArchive(List<String> command, Path archive) {
        var c = new ArrayList<>(command);
        c.addAll(1, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        return c;
    }

    /** Polls until the port answers 200 (what is being timed), at most every millisecond. */
    private static void awaitAnswer(Process p, int port, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("process exited with " + p.exitValue() + " before answering");
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // Not listening yet. Back off a millisecond: spinning would take a core from the JVM being timed.
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
        throw new IOException("no answer on port " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
