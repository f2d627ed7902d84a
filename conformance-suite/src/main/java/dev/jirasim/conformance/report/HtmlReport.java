package dev.jirasim.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One self-contained HTML file: summary bars by service and by tag ({@link SummaryBars}), then every scenario's outcome,
 * and for failed steps the request and response. The markup is also well-formed XML (void elements closed, boolean
 * attributes given a value, characters XML refuses replaced), so a test or a CI step can read it with an XML parser.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static Path write(Results results, String targetName, Path dir) throws IOException {
        Files.createDirectories(dir);
        var sb = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>Jirasim conformance report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#172b4d} table{border-collapse:collapse;width:100%}
                td,th{border-bottom:1px solid #dfe1e6;padding:.4rem;text-align:left;vertical-align:top}
                .PASSED,.FIXED{color:#006644}.FAILED,.MALFORMED{color:#bf2600}.SKIPPED{color:#6b778c}.EXPECTED_FAILURE{color:#974f0c}
                pre{background:#f4f5f7;padding:.5rem;overflow:auto;max-height:24rem;white-space:pre-wrap}
                details{margin:.3rem 0}
                """);
        sb.append(SummaryBars.CSS).append("</style></head><body>\n");
        double score = results.score();
        sb.append("<h1>Jirasim conformance report</h1><p>Target <strong>").append(esc(targetName)).append("</strong> · score <strong id=\"score\">")
                .append(Double.isNaN(score) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", score * 100)).append("</strong> · ")
                .append(results.count(Results.Outcome.PASSED)).append(" passed, ").append(results.count(Results.Outcome.FAILED)).append(" failed, ")
                .append(results.count(Results.Outcome.SKIPPED)).append(" skipped, ").append(results.count(Results.Outcome.EXPECTED_FAILURE))
                .append(" expected failures, ").append(results.count(Results.Outcome.FIXED)).append(" fixed</p>");
        sb.append(SummaryBars.html(results));
        sb.append("<table><tr><th>Outcome</th><th>Scenario</th><th>Details</th></tr>");
        for (Results.ScenarioResult s : results.scenarios()) {
            sb.append("<tr id=\"").append(esc(s.id)).append("\"><td class=\"").append(s.outcome).append("\">").append(s.outcome)
                    .append("</td><td><strong>").append(esc(s.id)).append("</strong><br/>").append(esc(s.title))
                    .append("<br/><small>").append(esc(s.location)).append("</small></td><td>");
            if (s.reason != null && s.outcome != Results.Outcome.FAILED) sb.append("<p>").append(esc(s.reason)).append("</p>");
            for (Results.StepResult step : s.steps) {
                boolean open = step.status().equals("FAILED") || step.status().equals("EXPECTED_FAILURE");
                sb.append("<details").append(open ? " open=\"open\"" : "").append("><summary class=\"").append(esc(step.status())).append("\">")
                        .append(esc(step.status())).append(" — ").append(esc(step.name())).append("</summary>");
                if (step.message() != null && open) sb.append("<pre class=\"failure\">").append(esc(step.message().split("\n--- request ---")[0])).append("</pre>");
                if (step.request() != null) sb.append("<p>Request</p><pre class=\"request\">").append(esc(step.request())).append("</pre>");
                if (step.response() != null) sb.append("<p>Response</p><pre class=\"response\">").append(esc(step.response())).append("</pre>");
                sb.append("</details>");
            }
            sb.append("</td></tr>");
        }
        sb.append("</table></body></html>\n");
        Path file = dir.resolve("conformance-report.html");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    static String esc(String s) {
        if (s == null) return "";
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                // XML 1.0 refuses most control characters even as references; a response body may hold them.
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
