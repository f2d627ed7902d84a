package dev.jirasim.conformance.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The top of the HTML report: one stacked bar per service (the folder a scenario's file lives in) and one per tag,
 * each split by outcome, so a reader sees where the failures are before reading a row. Plain HTML and CSS
 * (flex items whose grow factor is the count): no script, no image, and every bar carries its counts as text
 * ({@code role="img"} with an {@code aria-label}) as well as beside it.
 */
final class SummaryBars {
    /** Order of the segments, the legend and the counts' text: what passes, what fails the gate, then what does neither. */
    static final List<Results.Outcome> ORDER = List.of(Results.Outcome.PASSED, Results.Outcome.FIXED, Results.Outcome.FAILED,
            Results.Outcome.MALFORMED, Results.Outcome.EXPECTED_FAILURE, Results.Outcome.SKIPPED);
    private static final Map<Results.Outcome, String> WORDS = new EnumMap<>(Map.of(Results.Outcome.PASSED, "passed",
            Results.Outcome.FIXED, "fixed", Results.Outcome.FAILED, "failed", Results.Outcome.MALFORMED, "malformed",
            Results.Outcome.EXPECTED_FAILURE, "expected failure", Results.Outcome.SKIPPED, "skipped"));
    /** The suite's own folders, by the service they hold; any other folder is shown by its name. */
    private static final Map<String, String> SERVICES = Map.of("atlassian-auth", "Atlassian auth", "jira-cloud", "Jira Cloud",
            "jira-dc", "Jira Data Center", "nango", "Nango", "faults", "Faults and rate limits",
            "live", "Live targets");
    static final String CSS = """
            .summary{margin:1rem 0 2rem}.summary table{width:auto;min-width:60%}.summary th{font-weight:600;white-space:nowrap}
            .summary td,.summary th{border:0;padding:.2rem .5rem;vertical-align:middle}.summary h2{font-size:1.2rem}.summary h3{font-size:1rem;margin:1rem 0 .3rem}
            .bar{display:flex;width:28rem;max-width:60vw;height:1.25rem;border-radius:3px;overflow:hidden;background:#f4f5f7;outline:1px solid #c1c7d0}
            .seg{min-width:0;overflow:hidden;text-align:center;font-size:.75rem;line-height:1.25rem;font-weight:600;color:#fff}
            .counts{font-size:.85rem;color:#44546f;white-space:nowrap}.summary .note{font-size:.85rem;color:#44546f;margin:0}
            .legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem}
            .swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;margin-right:.35rem;vertical-align:-.1rem}
            .o-PASSED{background:#1f7a4d}.o-FIXED{background:#0c66e4}.o-FAILED{background:#c9372c}.o-MALFORMED{background:#6e3fbf}
            .o-EXPECTED_FAILURE{background:#a54800}.o-SKIPPED{background:#b3b9c4;color:#172b4d}
            """;

    private SummaryBars() {
    }

    /** The service a folder holds, as a reader names it. */
    static String service(String folder) {
        return folder.isEmpty() ? "(no file)" : SERVICES.getOrDefault(folder, folder);
    }

    /** How the counts' text names an outcome: "3 passed", "1 expected failure", "2 expected failures". */
    static String word(Results.Outcome o, int n) {
        return o == Results.Outcome.EXPECTED_FAILURE && n != 1 ? "expected failures" : WORDS.get(o);
    }

    static String html(Results results) {
        var byService = group(results, s -> List.of(service(s.folder())));
        var byTag = group(results, s -> s.tags.isEmpty() ? List.of("(no tags)") : s.tags);
        var sb = new StringBuilder("<section class=\"summary\" id=\"summary\"><h2>Summary</h2>");
        sb.append("<ul class=\"legend\">");
        for (Results.Outcome o : ORDER) {
            // FIXED and MALFORMED are rare: in the legend only when the run has them.
            if ((o == Results.Outcome.FIXED || o == Results.Outcome.MALFORMED) && results.count(o) == 0) continue;
            sb.append("<li><span class=\"swatch o-").append(o.name()).append("\"></span>").append(word(o, 1)).append("</li>");
        }
        sb.append("</ul>");
        section(sb, "service", "By service", "Scenarios by the folder their file lives in.", byService);
        section(sb, "tag", "By tag", "A scenario counts once under each of its tags.", byTag);
        return sb.append("</section>").toString();
    }

    /** Outcome counts per group name, groups sorted by name; a scenario counts once in each group it names. */
    private static Map<String, Map<Results.Outcome, Integer>> group(Results results, Function<Results.ScenarioResult, List<String>> groups) {
        var out = new TreeMap<String, Map<Results.Outcome, Integer>>();
        for (Results.ScenarioResult s : results.scenarios()) {
            Results.Outcome o = s.outcome == null ? Results.Outcome.FAILED : s.outcome;
            for (String g : groups.apply(s)) out.computeIfAbsent(g, k -> new EnumMap<>(Results.Outcome.class)).merge(o, 1, Integer::sum);
        }
        return out;
    }

    private static void section(StringBuilder sb, String kind, String heading, String note, Map<String, Map<Results.Outcome, Integer>> groups) {
        sb.append("<h3>").append(heading).append("</h3><p class=\"note\">").append(note).append("</p><table class=\"bars\" data-group=\"").append(kind).append("\">");
        groups.forEach((name, counts) -> {
            String text = counts(counts);
            sb.append("<tr><th scope=\"row\">").append(HtmlReport.esc(name)).append("</th><td><div class=\"bar\" role=\"img\" data-name=\"")
                    .append(HtmlReport.esc(name)).append("\" aria-label=\"").append(HtmlReport.esc(name + ": " + text)).append("\">");
            for (Results.Outcome o : ORDER) {
                int n = counts.getOrDefault(o, 0);
                if (n == 0) continue;
                sb.append("<span class=\"seg o-").append(o.name()).append("\" style=\"flex:").append(n).append(" 1 0\" title=\"")
                        .append(n).append(' ').append(word(o, n)).append("\">").append(n).append("</span>");
            }
            sb.append("</div></td><td class=\"counts\">").append(HtmlReport.esc(text)).append("</td></tr>");
        });
        sb.append("</table>");
    }

    /** "6 scenarios: 3 passed, 1 failed, 2 skipped" (outcomes that did not occur are left out). */
    static String counts(Map<Results.Outcome, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        var parts = new ArrayList<String>();
        for (Results.Outcome o : ORDER) if (counts.getOrDefault(o, 0) > 0) parts.add(counts.get(o) + " " + word(o, counts.get(o)));
        return String.format(Locale.ROOT, "%d scenario%s: %s", total, total == 1 ? "" : "s", String.join(", ", parts));
    }
}
