package dev.jirasim.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance gate's command line in a forked JVM: {@code java @ARGFILE dev.jirasim.conformance.cli.Main --target
 * T --scenarios S… [--tags X] [--expected-deviations M] --report DIR}. The class path goes into an argument file,
 * which keeps the command short on every platform.
 */
record ConformanceCommand(Path java, Path target, List<Path> scenarios, String tags, Path expectedDeviations, Path reportDirectory) {
    static final String MAIN = "dev.jirasim.conformance.cli.Main";

    ConformanceCommand {
        scenarios = List.copyOf(scenarios);
    }

    List<String> command(Path argFile) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.add("@" + argFile);
        command.add(MAIN);
        command.add("--target");
        command.add(target.toString());
        for (Path s : scenarios) {
            command.add("--scenarios");
            command.add(s.toString());
        }
        if (tags != null && !tags.isBlank()) {
            command.add("--tags");
            command.add(tags.strip());
        }
        if (expectedDeviations != null) {
            command.add("--expected-deviations");
            command.add(expectedDeviations.toString());
        }
        command.add("--report");
        command.add(reportDirectory.toString());
        return command;
    }

    /** The argument file's text: {@code -cp "a.jar:b.jar"}, quoted and escaped as the java launcher reads it. */
    static String argFile(List<Path> classpath) {
        var joined = new StringBuilder();
        for (Path p : classpath) {
            if (!joined.isEmpty()) joined.append(File.pathSeparatorChar);
            joined.append(p);
        }
        return "-cp\n\"" + joined.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
    }

    /** What an exit code and the gate's standard error mean for the build. */
    static Verdict verdict(int exitCode, List<String> stderr) {
        return switch (exitCode) {
            case 0 -> new Verdict(true, List.of(), null);
            case 1 -> {
                // The gate's last line on standard error names the failing scenarios (docs/conformance.md#reports).
                for (int i = stderr.size() - 1; i >= 0; i--) {
                    String line = stderr.get(i);
                    int at = line.indexOf("jirasim-conformance: failed: ");
                    if (at >= 0) {
                        var names = List.of(line.substring(at + "jirasim-conformance: failed: ".length()).split(",\\s*"));
                        yield new Verdict(false, names, "failing scenarios: " + String.join(", ", names));
                    }
                }
                yield new Verdict(false, List.of(), "the target could not be opened or a file could not be read" + why(stderr));
            }
            case 2 -> new Verdict(false, List.of(), "nothing was checked" + why(stderr));
            default -> new Verdict(false, List.of(), "the conformance run ended with exit code " + exitCode + why(stderr));
        };
    }

    /** The gate's own messages ({@code jirasim-conformance: …}), else the first lines it wrote to standard error. */
    private static String why(List<String> stderr) {
        var own = stderr.stream().filter(l -> l.startsWith("jirasim-conformance: ")).toList();
        var lines = own.isEmpty() ? stderr.stream().filter(l -> !l.isBlank()).limit(3).toList() : own;
        return lines.isEmpty() ? "" : ": " + String.join(" / ", lines);
    }

    /**
     * @param passed  the gate passed
     * @param failing the ids of the scenarios that failed it
     * @param message why it did not pass, or null
     */
    record Verdict(boolean passed, List<String> failing, String message) {
    }
}
