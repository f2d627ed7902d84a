package dev.jirasim.conformance.cli;

import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.parse.ParseProblem;
import dev.jirasim.conformance.parse.TargetParser;
import dev.jirasim.conformance.record.RecorderConfig;
import dev.jirasim.conformance.record.proxy.RecordingProxy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code record --upstream URL --port N --out FILE [--target FILE]}: runs the recording proxy until the JVM stops. */
final class RecordCommand {
    static final String USAGE = """
            Usage: java -jar jirasim-conformance.jar record --upstream URL --port N --out FILE [--target FILE]
              --upstream URL    the service to forward every request to
              --port N          the loopback port to listen on (0: a free port, printed)
              --out FILE        the scenario skeleton, written when the recorder stops (Ctrl-C)
              --target FILE     write URLs and values as this target's base URLs and variables""";

    private RecordCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        RecorderConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jirasim-conformance record: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (config == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            RecordingProxy proxy = RecordingProxy.start(config);
            // Ctrl-C ends the JVM; the hook is where the session gets written.
            Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "jirasim-record-writer"));
            out.println("Recording on " + proxy.baseUrl() + " for " + config.upstream() + "; stop with Ctrl-C to write " + config.out());
            out.flush();
            proxy.awaitClose();
            return 0;
        } catch (IOException e) {
            err.println("jirasim-conformance record: cannot listen on port " + config.port() + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static RecorderConfig parse(String[] args) {
        String upstream = null;
        Integer port = null;
        Path outFile = null;
        Target target = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) return null;
            if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
            String value = args[++i];
            switch (arg) {
                case "--upstream" -> upstream = url(value);
                case "--port" -> port = port(value);
                case "--out" -> outFile = Path.of(value);
                case "--target" -> target = target(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (upstream == null) throw new IllegalArgumentException("--upstream is required");
        if (port == null) throw new IllegalArgumentException("--port is required (0 for a free port)");
        if (outFile == null) throw new IllegalArgumentException("--out is required");
        return new RecorderConfig(upstream, port, outFile, target);
    }

    private static String url(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) return value;
        } catch (IllegalArgumentException bad) {
            // reported below
        }
        throw new IllegalArgumentException("--upstream needs an http(s) URL, not " + value);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException bad) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + value);
    }

    private static Target target(String value) {
        Path file = Path.of(value);
        if (!Files.exists(file)) throw new IllegalArgumentException("no such file: " + value);
        try {
            return TargetParser.parse(file, System::getenv);
        } catch (ParseProblem e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
