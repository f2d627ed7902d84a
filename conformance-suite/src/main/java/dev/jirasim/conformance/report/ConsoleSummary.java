package dev.jirasim.conformance.report;

import java.io.PrintStream;
import java.util.Locale;

/** The readable end-of-run summary: one line per scenario, totals and the conformance score. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static void print(Results results, String targetName, PrintStream out) {
        out.println();
        out.println("Jirasim conformance against target '" + targetName + "'");
        for (Results.ScenarioResult s : results.scenarios()) {
            String label = (s.outcome == null ? Results.Outcome.FAILED : s.outcome).label;
            out.print("  " + label + " " + s.id + " — " + s.title);
            if (s.reason != null && s.outcome != Results.Outcome.PASSED) {
                // The failure's own lines (where and what), not the request/response evidence after them.
                String shown = s.reason.split("\n--- request ---")[0].replace("\n", "\n         ");
                out.print("\n         " + shown);
            }
            out.println();
        }
        double score = results.score();
        out.printf(Locale.ROOT, "Totals: %d passed, %d failed, %d skipped, %d expected failures, %d fixed, %d malformed files · score %s%n",
                results.count(Results.Outcome.PASSED), results.count(Results.Outcome.FAILED), results.count(Results.Outcome.SKIPPED),
                results.count(Results.Outcome.EXPECTED_FAILURE), results.count(Results.Outcome.FIXED), results.count(Results.Outcome.MALFORMED),
                Double.isNaN(score) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", score * 100));
    }
}
