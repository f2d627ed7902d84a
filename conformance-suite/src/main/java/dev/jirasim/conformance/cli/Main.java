package dev.jirasim.conformance.cli;

import dev.jirasim.conformance.report.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar jirasim-conformance.jar --target FILE|embedded --scenarios DIR [--tags EXPR] [--report DIR]
 * [--expected-deviations FILE]}. Exit code 0 only when nothing unexpected failed and something ran.
 * {@code record …} runs the recording proxy instead ({@link RecordCommand}); {@code parity …} compares two targets
 * ({@link ParityCommand}).
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar jirasim-conformance.jar --scenarios DIR [options]
              --target FILE|embedded        the implementation under test (default: embedded simulator)
              --scenarios DIR|FILE          scenario files to run (repeatable)
              --tags EXPR                   only scenarios whose tags match (JUnit tag expression)
              --report DIR                  write the reports here: conformance-report.html, TEST-jirasim-conformance.xml
                                            (one test case per scenario), conformance-report.json, conformance-summary.md
              --expected-deviations FILE    known failures that must not fail the gate
            Comparing two targets: java -jar jirasim-conformance.jar parity --help
            Exit codes: 0 all applicable scenarios passed (or failed as expected), 1 unexpected failures,
                        2 bad usage or nothing to run.
            
            """ + RecordCommand.USAGE;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length > 0 && args[0].equals("record")) return RecordCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("parity")) return ParityCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        ConformanceRun run;
        try {
            run = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jirasim-conformance: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (run == null) {
            out.println(USAGE);
            return 0;
        }
        Results results = run.execute(out);
        if (results.scenarios().isEmpty()) {
            err.println("jirasim-conformance: no scenarios found in " + run.scenarios());
            return 2;
        }
        if (results.count(Results.Outcome.SKIPPED) == results.scenarios().size()) {
            err.println("jirasim-conformance: every scenario was skipped; the target offers none of the capabilities they need");
            return 2;
        }
        if (results.unexpectedFailures() == 0) return 0;
        err.println("jirasim-conformance: failed: " + String.join(", ", results.unexpected().stream().map(s -> s.id).toList()));
        return 1;
    }

    static ConformanceRun parse(String[] args) {
        String target = null;
        String tags = null;
        Path report = null;
        Path deviations = null;
        List<Path> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) return null;
            if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
            String value = args[++i];
            switch (arg) {
                case "--target" -> target = value;
                case "--scenarios" -> scenarios.add(existing(value));
                case "--tags" -> tags = value;
                case "--report" -> report = Path.of(value);
                case "--expected-deviations" -> deviations = existing(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (scenarios.isEmpty()) throw new IllegalArgumentException("--scenarios is required");
        if (target != null && !target.equals("embedded")) existing(target);
        return new ConformanceRun(target, scenarios, tags, report, deviations);
    }

    private static Path existing(String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) throw new IllegalArgumentException("no such file or directory: " + value);
        return p;
    }
}
