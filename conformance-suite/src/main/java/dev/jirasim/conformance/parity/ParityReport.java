package dev.jirasim.conformance.parity;

import java.util.List;
import java.util.SortedSet;

/** {@code parity.md} and {@code parity.html}: a row per endpoint, like a coverage page, then whole-scenario lines. */
public final class ParityReport {
    private static final int SCENARIOS_SHOWN = 6;

    private ParityReport() {
    }

    /** The one line the CLI prints. */
    public static String summary(ParityResult r) {
        return "Parity of " + r.targetA() + " (A) and " + r.targetB() + " (B): " + (r.same() ? "same" : "differences")
                + " — " + r.endpointsDiffering() + " of " + r.endpoints().size() + " endpoints differ, "
                + r.differences().size() + " other differences, " + r.notes().size() + " scenarios not fully compared";
    }

    public static String markdown(ParityResult r) {
        var sb = new StringBuilder("# Parity: ").append(r.targetA()).append(" and ").append(r.targetB()).append("\n\n")
                .append("A is ").append(md(r.targetA())).append(", B is ").append(md(r.targetB()))
                .append(". Each difference reads \"on A → on B\". ").append(summary(r)).append(".\n\n")
                .append("| Endpoint | Scenarios | Compared | Differences |\n|---|---|---|---|\n");
        for (ParityResult.Endpoint e : r.endpoints()) {
            sb.append("| `").append(md(e.name())).append("` | ").append(md(shortList(e.scenarios()))).append(" | with ")
                    .append(md(r.targetB())).append(" on ").append(r.date()).append(" | ");
            if (e.differences().isEmpty()) sb.append("same");
            else e.differences().forEach((line, in) -> sb.append(md(line)).append(" (").append(md(shortList(in))).append(")<br>"));
            sb.append(" |\n");
        }
        section(sb, "Other differences", r.differences());
        section(sb, "Not compared", r.notes());
        return sb.toString();
    }

    public static String html(ParityResult r) {
        var sb = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Jirasim parity report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#172b4d} table{border-collapse:collapse;width:100%}
                td,th{border-bottom:1px solid #dfe1e6;padding:.4rem;text-align:left;vertical-align:top}
                .same{color:#006644}.differs{color:#bf2600} code{font-size:.9em}
                </style></head><body>
                """);
        sb.append("<h1>Parity: ").append(esc(r.targetA())).append(" and ").append(esc(r.targetB())).append("</h1><p id=\"summary\">")
                .append(esc(summary(r))).append("</p><p>Each difference reads “on A → on B”.</p>")
                .append("<table><tr><th>Endpoint</th><th>Scenarios</th><th>Compared</th><th>Differences</th></tr>");
        for (ParityResult.Endpoint e : r.endpoints()) {
            boolean same = e.differences().isEmpty();
            sb.append("<tr class=\"").append(same ? "same" : "differs").append("\"><td><code>").append(esc(e.name())).append("</code></td><td>")
                    .append(esc(String.join(", ", e.scenarios()))).append("</td><td>with ").append(esc(r.targetB())).append(" on ")
                    .append(r.date()).append("</td><td>");
            if (same) sb.append("same");
            else e.differences().forEach((line, in) -> sb.append("<div>").append(esc(line)).append(" <small>(")
                    .append(esc(String.join(", ", in))).append(")</small></div>"));
            sb.append("</td></tr>");
        }
        sb.append("</table>");
        htmlSection(sb, "Other differences", r.differences());
        htmlSection(sb, "Not compared", r.notes());
        return sb.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder sb, String title, List<ParityResult.ScenarioLine> lines) {
        if (lines.isEmpty()) return;
        sb.append("\n## ").append(title).append("\n\n");
        for (ParityResult.ScenarioLine l : lines) sb.append("- `").append(l.scenario()).append("`: ").append(md(l.text())).append('\n');
    }

    private static void htmlSection(StringBuilder sb, String title, List<ParityResult.ScenarioLine> lines) {
        if (lines.isEmpty()) return;
        sb.append("<h2>").append(title).append("</h2><ul>");
        for (ParityResult.ScenarioLine l : lines) {
            sb.append("<li><strong>").append(esc(l.scenario())).append("</strong>: ").append(esc(l.text())).append("</li>");
        }
        sb.append("</ul>");
    }

    private static String shortList(SortedSet<String> items) {
        if (items.size() <= SCENARIOS_SHOWN) return String.join(", ", items);
        return String.join(", ", items.stream().limit(SCENARIOS_SHOWN).toList()) + " and " + (items.size() - SCENARIOS_SHOWN) + " more";
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
