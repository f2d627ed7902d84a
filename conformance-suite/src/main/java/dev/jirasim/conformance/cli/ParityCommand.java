package dev.jirasim.conformance.cli;

import dev.jirasim.conformance.engine.Constants;
import dev.jirasim.conformance.parity.Parity;
import dev.jirasim.conformance.parity.ParityReport;
import dev.jirasim.conformance.parity.ParityResult;
import dev.jirasim.conformance.parity.Run;
import dev.jirasim.conformance.parse.ParseProblem;
import dev.jirasim.conformance.parse.TargetParser;
import dev.jirasim.conformance.report.Results;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code parity --target A --target B --scenarios DIR [--tags EXPR] --report DIR}: the scenarios run against
 * each target in turn, then {@code parity.md} and {@code parity.html} say per endpoint where the answers differ.
 * Exit code 0 when they agree, 1 when they differ, 2 for bad usage or nothing to compare.
 */
public final class ParityCommand {
    static final String USAGE = """
            Usage: java -jar jirasim-conformance.jar parity --target A --target B --scenarios DIR --report DIR [--tags EXPR]
              --target FILE|embedded        the two implementations to compare (give it twice)
              --scenarios DIR|FILE          scenario files to run on both (repeatable)
              --tags EXPR                   only scenarios whose tags match (JUnit tag expression)
              --report DIR                  write parity.md and parity.html here
            Exit codes: 0 no difference, 1 differences, 2 bad usage or nothing to compare.""";

    private ParityCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        var targets = new ArrayList<String>();
        var scenarios = new ArrayList<Path>();
        String tags = null;
        Path report = null;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
                String value = args[++i];
                switch (args[i - 1]) {
                    case "--target" -> targets.add(value);
                    case "--scenarios" -> scenarios.add(existing(value));
                    case "--tags" -> tags = value;
                    case "--report" -> report = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            if (targets.size() != 2) throw new IllegalArgumentException("give --target exactly twice");
            if (scenarios.isEmpty()) throw new IllegalArgumentException("--scenarios is required");
            if (report == null) throw new IllegalArgumentException("--report is required");
            ParityResult result = compare(targets.get(0), targets.get(1), scenarios, tags);
            if (result == null) {
                err.println("jirasim-conformance parity: no scenarios found in " + scenarios);
                return 2;
            }
            Files.createDirectories(report);
            Files.writeString(report.resolve("parity.md"), ParityReport.markdown(result), StandardCharsets.UTF_8);
            Files.writeString(report.resolve("parity.html"), ParityReport.html(result), StandardCharsets.UTF_8);
            out.println(ParityReport.summary(result));
            out.println("Reports: " + report.resolve("parity.md") + " and parity.html");
            return result.same() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("jirasim-conformance parity: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("jirasim-conformance parity: cannot write the report: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Runs the scenarios on target A, then on target B, and compares the two runs; null when there was nothing
     * to run. The targets are target files or "embedded".
     */
    public static ParityResult compare(String targetA, String targetB, List<Path> scenarios, String tags) {
        var runs = new ArrayList<Run>();
        for (String target : List.of(targetA, targetB)) {
            Run run = runOn(target, scenarios, tags);
            if (run == null) return null;
            runs.add(run);
        }
        return Parity.compare(runs.get(0), runs.get(1), LocalDate.now());
    }

    /** The scenarios as run on one target, or null when there were none; its console output is not shown. */
    private static Run runOn(String target, List<Path> scenarios, String tags) {
        String name = name(target);
        var collector = new ObservationCollector();
        Results results = new ConformanceRun(target, scenarios, tags, null, null)
                .execute(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), collector);
        if (results.scenarios().isEmpty()) return null;
        // The engine reports a target it could not open (a bad file, an unreachable admin URL) as a suite failure.
        results.scenarios().stream().filter(s -> s.id.equals("(suite)")).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("target " + target + " could not be opened: " + s.reason);
        });
        // Both sides would skip the same broken file: nothing about it would be compared, so say so instead.
        results.scenarios().stream().filter(s -> s.outcome == Results.Outcome.MALFORMED).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException(s.reason);
        });
        return collector.run(name);
    }

    /** The target file's {@code name}, which the report shows; "embedded" for the in-process simulator. */
    private static String name(String target) {
        if (target.equals(Constants.EMBEDDED)) return Constants.EMBEDDED;
        try {
            return TargetParser.parse(existing(target), System::getenv).name();
        } catch (ParseProblem e) {
            throw new IllegalArgumentException("target " + target + ": " + e.getMessage());
        }
    }

    private static Path existing(String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) throw new IllegalArgumentException("no such file or directory: " + value);
        return p;
    }
}
