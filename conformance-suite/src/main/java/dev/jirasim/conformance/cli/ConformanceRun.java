package dev.jirasim.conformance.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.jirasim.conformance.engine.Constants;
import dev.jirasim.conformance.report.ConsoleSummary;
import dev.jirasim.conformance.report.HtmlReport;
import dev.jirasim.conformance.report.Results;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * One run of the suite through the JUnit Platform Launcher: discover scenarios, run them against the target,
 * then write the console summary, JUnit XML and the HTML report. Used by the CLI and by our own tests.
 *
 * @param target     a target file, or "embedded"
 * @param scenarios  scenario files or directories
 * @param tags       a JUnit tag expression to select scenarios, or null for all
 * @param reportDir  where reports go, or null for none
 * @param deviations an expected-deviation manifest, or null
 */
public record ConformanceRun(String target, List<Path> scenarios, String tags, Path reportDir, Path deviations) {

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
        var results = new Results();
        var listeners = new ArrayList<TestExecutionListener>(List.of(results));
        if (recorder != null) {
            request.configurationParameter(Constants.RECORD_EXCHANGES, "true");
            listeners.add(recorder);
        }
        if (reportDir != null) {
            try {
                Files.createDirectories(reportDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            listeners.add(new LegacyXmlReportGeneratingListener(reportDir, new PrintWriter(out, true, StandardCharsets.UTF_8)));
        }
        LauncherFactory.create().execute(request.build(), listeners.toArray(TestExecutionListener[]::new));
        String name = targetName();
        ConsoleSummary.print(results, name, out);
        if (reportDir != null) {
            try {
                Path html = HtmlReport.write(results, name, reportDir);
                out.println("Reports: " + html + " and JUnit XML in " + reportDir);
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
