package dev.jirasim.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One self-contained HTML file: every scenario's outcome, and for failed steps the request and response. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static Path write(Results results, String targetName, Path dir) throws IOException {
        Files.createDirectories(dir);
        var sb = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Jirasim conformance report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#172b4d} table{border-collapse:collapse;width:100%}
                td,th{border-bottom:1px solid #dfe1e6;padding:.4rem;text-align:left;vertical-align:top}
                .PASSED,.FIXED{color:#006644}.FAILED,.MALFORMED{color:#bf2600}.SKIPPED{color:#6b778c}.EXPECTED_FAILURE{color:#974f0c}
                pre{background:#f4f5f7;padding:.5rem;overflow:auto;max-height:24rem;white-space:pre-wrap}
                details{margin:.3rem 0}
                </style></head><body>
                """);
        double score = results.score();
        sb.append("<h1>Jirasim conformance report</h1><p>Target <strong>").append(esc(targetName)).append("</strong> · score <strong id=\"score\">")
                .append(Double.isNaN(score) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", score * 100)).append("</strong> · ")
                .append(results.count(Results.Outcome.PASSED)).append(" passed, ").append(results.count(Results.Outcome.FAILED)).append(" failed, ")
                .append(results.count(Results.Outcome.SKIPPED)).append(" skipped, ").append(results.count(Results.Outcome.EXPECTED_FAILURE))
                .append(" expected failures, ").append(results.count(Results.Outcome.FIXED)).append(" fixed</p>");
        sb.append("<table><tr><th>Outcome</th><th>Scenario</th><th>Details</th></tr>");
        for (Results.ScenarioResult s : results.scenarios()) {
            sb.append("<tr id=\"").append(esc(s.id)).append("\"><td class=\"").append(s.outcome).append("\">").append(s.outcome)
                    .append("</td><td><strong>").append(esc(s.id)).append("</strong><br>").append(esc(s.title))
                    .append("<br><small>").append(esc(s.location)).append("</small></td><td>");
            if (s.reason != null && s.outcome != Results.Outcome.FAILED) sb.append("<p>").append(esc(s.reason)).append("</p>");
            for (Results.StepResult step : s.steps) {
                boolean open = step.status().equals("FAILED") || step.status().equals("EXPECTED_FAILURE");
                sb.append("<details").append(open ? " open" : "").append("><summary class=\"").append(esc(step.status())).append("\">")
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

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
