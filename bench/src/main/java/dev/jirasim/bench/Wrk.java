package dev.jirasim.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a {@link LoadRun.Target} with wrk (Debian's {@code wrk} package) in its own process, so the load
 * generator costs the servers no heap, no GC and no JIT time. The request is described in a small Lua script.
 */
final class Wrk {
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) return true;
        }
        return false;
    }

    static LoadRun.Result run(LoadRun.Target target, int threads, int connections, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("jirasim-wrk", ".lua");
        try {
            Files.writeString(script, lua(target), StandardCharsets.UTF_8);
            var command = new ArrayList<String>(java.util.List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                    "--latency", "--timeout", "10s", "-s", script.toString(), target.url()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("wrk failed for " + target.name() + ":\n" + out);
            return parse(target.name(), out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static String lua(LoadRun.Target target) {
        var sb = new StringBuilder();
        sb.append("wrk.method = ").append(luaString(target.method())).append('\n');
        if (target.body() != null) sb.append("wrk.body = ").append(luaString(target.body())).append('\n');
        target.headers().forEach((k, v) -> sb.append("wrk.headers[ ").append(luaString(k)).append(" ] = ").append(luaString(v)).append('\n'));
        return sb.toString();
    }

    /** Long brackets need no escaping; the level is chosen so the text cannot close them early. */
    private static String luaString(String s) {
        String eq = "=";
        while (s.contains("]" + eq + "]")) eq += "=";
        return "[" + eq + "[" + s + "]" + eq + "]";
    }

    static LoadRun.Result parse(String name, String out) throws IOException {
        Matcher r = REQUESTS.matcher(out);
        if (!r.find()) throw new IOException("unreadable wrk output for " + name + ":\n" + out);
        long requests = Long.parseLong(r.group(1));
        double seconds = toMicros(Double.parseDouble(r.group(2)), r.group(3)) / 1e6;
        long p50 = -1;
        long p99 = -1;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            long micros = Math.round(toMicros(Double.parseDouble(m.group(2)), m.group(3)));
            if (m.group(1).equals("50")) p50 = micros;
            else p99 = micros;
        }
        if (p50 < 0 || p99 < 0) throw new IOException("no latency distribution in wrk output for " + name + ":\n" + out);
        long errors = 0;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) errors += Long.parseLong(n.group(1));
        Matcher s = SOCKET.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) errors += Long.parseLong(s.group(g));
        }
        return new LoadRun.Result(name, requests, errors, seconds, p50, p99, 0);
    }

    private static double toMicros(double v, String unit) {
        return switch (unit) {
            case "us" -> v;
            case "ms" -> v * 1_000;
            case "s" -> v * 1_000_000;
            case "m" -> v * 60_000_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
