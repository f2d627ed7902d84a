package dev.jirasim.conformance.report;

import java.io.PrintStream;
import java.util.Locale;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line per scenario as soon as it ends ({@code [12/65] PASS  id (340 ms)}), so a CI log shows a long run moving
 * and where it stopped. The lines come from {@link Results} as it settles each outcome; this listener only counts the
 * plan's scenarios for the total.
 */
public final class Progress implements TestExecutionListener {
    private final PrintStream out;
    private int total;
    private int done;

    public Progress(Results results, PrintStream out) {
        this.out = out;
        results.onSettled(this::line);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        total = 0;
        for (TestIdentifier root : plan.getRoots()) {
            total += (int) plan.getDescendants(root).stream().filter(Progress::counted).count();
        }
    }

    private void line(Results.ScenarioResult s) {
        done++;
        String time = s.outcome == Results.Outcome.SKIPPED ? "" : String.format(Locale.ROOT, " (%d ms)", s.durationMillis);
        out.printf(Locale.ROOT, "[%d/%d] %s %s%s%n", done, total, s.outcome.label, s.id, time);
        out.flush();
    }

    /** Scenarios, and files that could not be read (each one a failed test of its own). */
    private static boolean counted(TestIdentifier id) {
        var segments = UniqueId.parse(id.getUniqueId()).getSegments();
        String type = segments.get(segments.size() - 1).getType();
        return type.equals("scenario") || (type.equals("file") && id.isTest());
    }
}
