package dev.jirasim.conformance.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.jirasim.conformance.engine.Constants;
import dev.jirasim.conformance.report.ConsoleSummary;
import dev.jirasim.conformance.report.HtmlReport;
import dev.jirasim.conformance.report.Progress;
import dev.jirasim.conformance.report.Results;
import dev.jirasim.conformance.report.RunReports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run of the suite through the JUnit Platform Launcher: discover scenarios, run them against the target,
 * printing a line per scenario as it ends, then write the console summary and the reports (HTML, JUnit XML with one
 * test case per scenario, JSON, a Markdown summary). Used by the CLI and by our own tests.
 *
 * @param target     a target file, or "embedded"
 * @param scenarios  scenario files or directories
 * @param tags       a JUnit tag expression to select scenarios, or null for all
 * @param reportDir  where reports go, or null for none
 * @param deviations an expected-deviation manifest, or null
 */
public record ConformanceRun(String target, List<Path> scenarios, String tags, Path reportDir, Path deviations, java.util.Map<String, String> env) {

    /** A run that reads the process's environment. */
    public ConformanceRun(String target, List<Path> scenarios, String tags, Path reportDir, Path deviations) {
        this(target, scenarios, tags, reportDir, deviations, java.util.Map.of());
    }

    /** The same run with these environment variables overriding the process's (for tests: Java cannot set its own). */
    public ConformanceRun withEnv(java.util.Map<String, String> vars) {
        return new ConformanceRun(target, scenarios, tags, reportDir, deviations, java.util.Map.copyOf(vars));
    }

    public Results execute(PrintStream out) {
        return execute(out, null);
    }

    /**
     * The same run with one more listener, {@code recorder}, which also receives every HTTP step's whole exchange
     * ({@link Constants#ENTRY_OBSERVATION}); null for none.
     */
    public Results execute(PrintStream out, TestExecutionListener recorder) {
        var selectors = new ArrayList<DiscoverySelector>();
        for (Path p : scenarios) selectors.add(Files.isDirectory(p) ? selectDirectory(p.toFile()) : selectFile(p.toFile()));
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines(Constants.ENGINE_ID))
                .configurationParameter(Constants.TARGET, target == null ? Constants.EMBEDDED : target)
                .configurationParameter("junit.platform.discovery.issue.severity.critical", "error");
        if (deviations != null) request.configurationParameter(Constants.EXPECTED_DEVIATIONS, deviations.toString());
        if (tags != null && !tags.isBlank()) request.configurationParameter(Constants.TAGS, tags);
        env.forEach((k, v) -> request.configurationParameter(Constants.ENV_PREFIX + k, v));
        var results = new Results();
        // Progress reads what Results has just settled, so it comes second.
        var listeners = new ArrayList<TestExecutionListener>(List.of(results, new Progress(results, out)));
        if (recorder != null) {
            request.configurationParameter(Constants.RECORD_EXCHANGES, "true");
            listeners.add(recorder);
        }
        Instant started = Instant.now();
        LauncherFactory.create().execute(request.build(), listeners.toArray(TestExecutionListener[]::new));
        String name = targetName();
        ConsoleSummary.print(results, name, out);
        if (reportDir != null) {
            try {
                Path html = HtmlReport.write(results, name, reportDir);
                RunReports.write(results, name, started, reportDir);
                out.println("Reports in " + reportDir + ": " + html.getFileName() + ", " + RunReports.XML + ", " + RunReports.JSON + ", " + RunReports.MARKDOWN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    private String targetName() {
        return target == null || target.equals(Constants.EMBEDDED) ? Constants.EMBEDDED : Path.of(target).getFileName().toString();
    }
}
