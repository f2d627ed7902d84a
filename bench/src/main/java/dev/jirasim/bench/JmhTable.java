package dev.jirasim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a JMH JSON result ({@code -rf json -rff results.json}) into a Markdown table: benchmark, parameters,
 * p50, p99 and mean in the run's unit. {@code JmhTable results.json [title]}.
 */
public final class JmhTable {
    private JmhTable() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        var sb = new StringBuilder();
        if (args.length > 1) sb.append(args[1]).append("\n\n");
        sb.append("| Benchmark | Parameters | p50 | p99 | Mean | Unit |\n|---|---|---:|---:|---:|---|\n");
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText().replaceFirst("^.*\\.([A-Za-z]+\\.[A-Za-z]+)$", "$1");
            var params = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext(); ) {
                var e = it.next();
                params.append(params.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
            }
            JsonNode metric = r.path("primaryMetric");
            JsonNode pct = metric.path("scorePercentiles");
            sb.append(String.format("| %s | %s | %s | %s | %s | %s |%n", name, params, number(pct.path("50.0")), number(pct.path("99.0")),
                    number(metric.path("score")), metric.path("scoreUnit").asText()));
        }
        System.out.print(sb);
    }

    private static String number(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return "—";
        double v = n.asDouble();
        return v >= 100 ? String.format("%.0f", v) : v >= 1 ? String.format("%.2f", v) : String.format("%.4f", v);
    }
}
