package dev.jirasim.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable reports of a run, one scenario per entry: JUnit XML (one {@code testcase} per scenario, its
 * steps in {@code system-out}), a JSON report, and a Markdown summary fit for a CI step summary.
 */
public final class RunReports {
    public static final String XML = "TEST-jirasim-conformance.xml";
    public static final String JSON = "conformance-report.json";
    public static final String MARKDOWN = "conformance-summary.md";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReports() {
    }

    public static void write(Results results, String targetName, Instant started, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(XML), xml(results, targetName, started), StandardCharsets.UTF_8);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), json(results, targetName, started));
        Files.writeString(dir.resolve(MARKDOWN), markdown(results, targetName), StandardCharsets.UTF_8);
    }

    static String xml(Results results, String targetName, Instant started) {
        long total = results.scenarios().size();
        long failures = results.count(Results.Outcome.FAILED);
        long errors = results.count(Results.Outcome.MALFORMED);
        // Expected failures are skipped for CI: they neither pass nor fail the gate.
        long skipped = results.count(Results.Outcome.SKIPPED) + results.count(Results.Outcome.EXPECTED_FAILURE);
        long millis = results.scenarios().stream().mapToLong(s -> s.durationMillis).sum();
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"jirasim-conformance\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%s\" timestamp=\"%s\">%n",
                total, failures, errors, skipped, seconds(millis), started.toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", "")));
        sb.append("  <properties><property name=\"target\" value=\"").append(attr(targetName)).append("\"/></properties>\n");
        for (Results.ScenarioResult s : results.scenarios()) {
            sb.append("  <testcase classname=\"").append(attr(classname(s))).append("\" name=\"").append(attr(s.id))
                    .append("\" time=\"").append(seconds(s.durationMillis)).append("\">\n");
            String first = s.reason == null ? "" : s.reason.lines().findFirst().orElse("");
            switch (s.outcome == null ? Results.Outcome.FAILED : s.outcome) {
                case FAILED -> sb.append("    <failure message=\"").append(attr(first)).append("\">").append(text(s.reason)).append("</failure>\n");
                case MALFORMED -> sb.append("    <error message=\"").append(attr(first)).append("\">").append(text(s.reason)).append("</error>\n");
                case SKIPPED -> sb.append("    <skipped message=\"").append(attr(first)).append("\"/>\n");
                case EXPECTED_FAILURE -> sb.append("    <skipped message=\"").append(attr("expected failure: " + first)).append("\"/>\n");
                default -> { }
            }
            sb.append("    <system-out>").append(text(steps(s))).append("</system-out>\n  </testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }

    /** The directory part of the scenario's file, so CI groups scenarios by service folder. */
    private static String classname(Results.ScenarioResult s) {
        return s.folder().isEmpty() ? "jirasim-conformance" : "jirasim-conformance." + s.folder();
    }

    private static String steps(Results.ScenarioResult s) {
        var sb = new StringBuilder(s.title).append('\n');
        for (Results.StepResult step : s.steps) {
            sb.append(String.format(Locale.ROOT, "  %-16s %s%n", step.status(), step.name()));
            if (step.status().equals("FAILED") && step.message() != null) {
                step.message().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
            }
        }
        return sb.toString();
    }

    static Map<String, Object> json(Results results, String targetName, Instant started) {
        var totals = new LinkedHashMap<String, Object>();
        for (Results.Outcome o : Results.Outcome.values()) totals.put(o.name().toLowerCase(Locale.ROOT), results.count(o));
        totals.put("score", Double.isNaN(results.score()) ? null : results.score());
        var scenarios = new ArrayList<Map<String, Object>>();
        for (Results.ScenarioResult s : results.scenarios()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", s.id);
            m.put("title", s.title);
            m.put("location", s.location);
            m.put("outcome", s.outcome == null ? null : s.outcome.name());
            m.put("reason", s.reason);
            m.put("durationMillis", s.durationMillis);
            var steps = new ArrayList<Map<String, Object>>();
            for (Results.StepResult st : s.steps) {
                var sm = new LinkedHashMap<String, Object>();
                sm.put("name", st.name());
                sm.put("status", st.status());
                if (st.message() != null) sm.put("message", st.message());
                steps.add(sm);
            }
            m.put("steps", steps);
            scenarios.add(m);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("target", targetName);
        root.put("started", started.toString());
        root.put("totals", totals);
        root.put("failed", results.unexpected().stream().map(s -> s.id).toList());
        root.put("scenarios", scenarios);
        return root;
    }

    static String markdown(Results results, String targetName) {
        double score = results.score();
        var sb = new StringBuilder("## Jirasim conformance: ").append(results.unexpectedFailures() == 0 ? "passed" : "failed").append("\n\n");
        sb.append("Target `").append(targetName).append("` · score ")
                .append(Double.isNaN(score) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", score * 100)).append("\n\n");
        sb.append("| Outcome | Scenarios |\n|---|---:|\n");
        for (Results.Outcome o : Results.Outcome.values()) {
            long n = results.count(o);
            if (n > 0) sb.append("| ").append(o.label.strip()).append(" | ").append(n).append(" |\n");
        }
        List<Results.ScenarioResult> failed = results.unexpected();
        if (!failed.isEmpty()) {
            sb.append("\n### Failed\n\n");
            for (Results.ScenarioResult s : failed) {
                String why = s.reason == null ? "" : s.reason.split("\n--- request ---")[0].lines().limit(3).reduce((a, b) -> a + " " + b).orElse("");
                sb.append("- **").append(s.id).append("** (").append(s.location).append("): ").append(md(why)).append('\n');
            }
        }
        // Skip reasons grouped: one line per reason with how many scenarios it covers.
        var skipped = new TreeMap<String, Integer>();
        for (Results.ScenarioResult s : results.scenarios()) {
            if (s.outcome == Results.Outcome.SKIPPED) skipped.merge(skipReason(s.reason), 1, Integer::sum);
        }
        if (!skipped.isEmpty()) {
            sb.append("\n### Skipped\n\n");
            skipped.forEach((reason, n) -> sb.append("- ").append(n).append(" × ").append(md(reason)).append('\n'));
        }
        var slowest = results.scenarios().stream().filter(s -> s.durationMillis > 0)
                .sorted((a, b) -> Long.compare(b.durationMillis, a.durationMillis)).limit(5).toList();
        if (!slowest.isEmpty()) {
            sb.append("\n### Slowest\n\n");
            for (Results.ScenarioResult s : slowest) sb.append("- ").append(s.id).append(": ").append(s.durationMillis).append(" ms\n");
        }
        return sb.toString();
    }

    /** A skip reason without the scenario's own id, so scenarios skipped for the same cause group together. */
    private static String skipReason(String reason) {
        return reason == null ? "no reason given" : reason.replaceFirst(" \\(needed by scenario [^)]*\\)", "");
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    private static String text(String s) {
        if (s == null) return "";
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    // XML 1.0 refuses most control characters, even escaped.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append('?');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
