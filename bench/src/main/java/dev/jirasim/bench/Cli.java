package dev.jirasim.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.DoubleStream;

/** What the bench's command-line programs share: {@code --name value} options (a bare {@code --flag} is "true") and medians. */
final class Cli {
    private Cli() {
    }

    static Map<String, String> options(String[] args) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) continue;
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) m.put(name, args[++i]);
            else m.put(name, "true");
        }
        return m;
    }

    static double median(DoubleStream values) {
        double[] v = values.sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
