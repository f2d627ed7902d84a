package dev.jirasim.simulator;

import dev.jirasim.simulator.common.Version;
import dev.jirasim.simulator.world.CloudOptions;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.slf4j.LoggerFactory;

/** {@code java -jar jirasim.jar [--port N] [--host H] [--public-url URL] [--fixture FILE] ...}: see {@link #USAGE}. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar jirasim.jar [options]
              --port N          port to listen on (default 8484; 0 picks a free one)
              --host H          interface to bind (default 127.0.0.1)
              --public-url URL  base of every absolute URL emitted (default http://localhost:PORT)
              --fixture FILE    world file, YAML or JSON (default: the built-in default world)
              --state FILE      keep the world in FILE across restarts (loaded on start, written after each change)
              --site-urls M     real (default): sites are named https://{subdomain}.atlassian.net in
                                accessible-resources and serverInfo; local: by this simulator's /site/{subdomain}
              --admin-token T   require "Authorization: Bearer T" on the control API (needed off loopback)
              --no-admin        no control API over HTTP (/__admin answers 404): the simulator stands in for a
                                live service, e.g. to try a conformance target file written for one
              --log-level L     level of the one-line-per-request log: TRACE, DEBUG, INFO (default), WARN, ERROR
                                or OFF
              --version         print the version and exit
              --help            this text
            Every option can also come from the environment: JIRASIM_PORT, JIRASIM_HOST, JIRASIM_PUBLIC_URL,
            JIRASIM_FIXTURE, JIRASIM_STATE, JIRASIM_SITE_URLS, JIRASIM_ADMIN_TOKEN, JIRASIM_NO_ADMIN (true or false),
            JIRASIM_LOG_LEVEL. An option given on the command line wins.""";
    /** The options that take a value; anything else starting with {@code --} is unknown. */
    private static final java.util.Set<String> OPTIONS =
            java.util.Set.of("--port", "--host", "--public-url", "--fixture", "--state", "--admin-token", "--log-level", "--site-urls");
    /** Environment variables and the option each stands for (the option wins when both are given). */
    static final java.util.Map<String, String> ENVIRONMENT = orderedMap(
            "JIRASIM_PORT", "--port", "JIRASIM_HOST", "--host", "JIRASIM_PUBLIC_URL", "--public-url", "JIRASIM_FIXTURE", "--fixture",
            "JIRASIM_STATE", "--state", "JIRASIM_SITE_URLS", "--site-urls", "JIRASIM_ADMIN_TOKEN", "--admin-token",
            "JIRASIM_NO_ADMIN", "--no-admin", "JIRASIM_LOG_LEVEL", "--log-level");
    private static final String JAVALIN = "io.javalin.Javalin";
    private static final java.util.List<String> LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /**
     * A parsed command line: the simulator's configuration and the request log level (null: as configured);
     * a null configuration means --version was asked for.
     */
    record Options(SimulatorConfig config, String logLevel) {
    }

    private Main() {
    }

    private static java.util.Map<String, String> orderedMap(String... pairs) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jirasim: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        if (options.config() == null) {
            System.out.println("jirasim " + Version.current());
            return;
        }
        SimulatorConfig config = options.config();
        // Logback reads its configuration when the first logger is asked for, a good part of a cold start. On a
        // thread of its own it overlaps assembling the server and building the world; the port opens only once the
        // levels are set. Javalin stays silent until then: it logs an ERROR line of its own when the port is taken,
        // and we report that in one line.
        var javalinLevel = new java.util.concurrent.CompletableFuture<String>();
        CliLogging.configureInCode();
        tellJettyReferencesPerCacheLine();
        new Thread(() -> {
            try {
                if (options.logLevel() != null) CliLogging.setRequestLevel(options.logLevel());
                javalinLevel.complete(CliLogging.silence(JAVALIN));
            } catch (Throwable t) {
                javalinLevel.completeExceptionally(t);
                return;
            }
            // Then, while the server is still being assembled, the slowest class of Jetty's start to make: its
            // media types list every locale the JVM has, a third of the thread that opens the port under AppCDS.
            preload("org.eclipse.jetty.http.MimeTypes");
        }, "jirasim-logging").start();
        JirasimServer sim;
        try {
            sim = JirasimServer.start(config, javalinLevel::join);
        } catch (WorldException e) {
            System.err.println("jirasim: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            if (!portInUse(e)) throw e;
            // A user mistake, not a crash: one line, no stack trace.
            System.err.println("jirasim: port " + config.port() + " on " + config.host()
                    + " is already in use (stop what holds it, or pick another with --port)");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stopGracefully, "jirasim-shutdown"));
        CliLogging.restore(JAVALIN, javalinLevel.join());
        LoggerFactory.getLogger("jirasim").info(banner(sim, config.noAdmin()));
    }

    /** Initializes a class ahead of its first use, on the calling thread; one that fails is left to its first use. */
    private static void preload(String name) {
        try {
            Class.forName(name, true, Main.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // The server's start meets the same problem and reports it.
        }
    }

    static final String JETTY_REFERENCES_PER_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Jetty pads its thread pool's queue by the object references that fit in a cache line, and without this property
     * finds that out by starting the platform MBean server to ask whether references are compressed: a tenth of a
     * second of a cold start, on the thread that opens the port. The command line owns its JVM, so it gives Jetty the
     * same answer (cache line bytes over the size of a reference), read from the JVM directly.
     */
    static void tellJettyReferencesPerCacheLine() {
        if (System.getProperty(JETTY_REFERENCES_PER_LINE) != null) return;
        int references = referencesPerCacheLine();
        if (references > 0) System.setProperty(JETTY_REFERENCES_PER_LINE, String.valueOf(references));
    }

    /** Jetty's answer for this JVM, or -1 to leave the question to Jetty. */
    static int referencesPerCacheLine() {
        try {
            int lineBytes = Integer.parseInt(System.getProperty("org.eclipse.jetty.util.cacheLineBytes", "64"));
            // 4 with compressed references, 8 without: the size of one slot of an Object[].
            int referenceBytes = Class.forName("sun.misc.Unsafe").getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
            return referenceBytes > 0 && lineBytes >= referenceBytes ? lineBytes / referenceBytes : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
        }
        return false;
    }

    /** Parses the command line (environment variables first, options override them); null means help was asked for. */
    static Options parse(String[] args) {
        return parse(args, System::getenv);
    }

    static Options parse(String[] args, java.util.function.UnaryOperator<String> env) {
        var builder = SimulatorConfig.builder();
        String[] logLevel = {null};
        // The environment first, so that an option on the command line overrides it.
        for (var e : ENVIRONMENT.entrySet()) {
            String value = env.apply(e.getKey());
            if (value == null || value.isBlank()) continue;
            try {
                if (e.getValue().equals("--no-admin")) {
                    if (bool(value)) builder.noAdmin(true);
                } else {
                    apply(builder, e.getValue(), value.strip(), logLevel);
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(e.getKey() + ": " + ex.getMessage());
            }
        }
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) return null;
            if (name.equals("--version")) return new Options(null, null);
            if (arg.equals("--no-admin")) {
                builder.noAdmin(true);
                continue;
            }
            // Checked before taking a value, so "--bogus" is reported as what it is.
            if (!OPTIONS.contains(name)) throw new IllegalArgumentException("unknown option: " + name);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : rest.poll();
            if (value == null) throw new IllegalArgumentException(name + " needs a value");
            apply(builder, name, value, logLevel);
        }
        return new Options(builder.build(), logLevel[0]);
    }

    private static void apply(SimulatorConfig.Builder builder, String name, String value, String[] logLevel) {
        switch (name) {
            case "--port" -> builder.port(integer(value));
            case "--host" -> builder.host(value);
            case "--admin-token" -> builder.adminToken(value);
            case "--state" -> builder.state(Path.of(value));
            case "--public-url" -> builder.publicUrl(value);
            case "--site-urls" -> builder.siteUrls(siteUrls(value));
            case "--log-level" -> logLevel[0] = level(value, "--log-level");
            case "--fixture" -> {
                Path path = Path.of(value);
                if (!Files.isReadable(path)) throw new IllegalArgumentException("cannot read fixture " + value);
                builder.fixture(path);
            }
            default -> throw new IllegalStateException("option without a case: " + name);
        }
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not " + value);
        };
    }

    private static String level(String value, String from) {
        String upper = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException(from + " must be one of " + String.join(", ", LEVELS) + ", not " + value);
        }
        return upper;
    }

    private static CloudOptions.SiteUrls siteUrls(String value) {
        try {
            return CloudOptions.SiteUrls.of(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--site-urls must be real or local, not " + value);
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, not " + value);
        }
    }

    static String banner(JirasimServer sim) {
        return banner(sim, false);
    }

    static String banner(JirasimServer sim, boolean noAdmin) {
        // The world the server started from, which is the world at start: exporting the live one costs a cold start 10 ms.
        WorldFile world = sim.seed();
        var sb = new StringBuilder("\nJirasim ").append(Version.current()).append(" is listening on ").append(sim.baseUrl()).append('\n');
        sb.append("  auth.atlassian.com  -> ").append(sim.authUrl()).append('\n');
        sb.append("  api.atlassian.com   -> ").append(sim.apiUrl()).append('\n');
        sb.append("  control API         -> ").append(sim.adminUrl());
        if (!noAdmin) sb.append("  (dashboard: ").append(sim.baseUrl()).append("/ in a browser)");
        sb.append('\n');
        for (OAuthApp app : world.apps()) {
            if (app.distribution() == OAuthApp.Distribution.SHARED) {
                sb.append("  OAuth client        : ").append(app.clientId()).append(" / ").append(app.clientSecret())
                        .append("  (callbacks: ").append(String.join(", ", app.callbackUrls())).append(")\n");
                break;
            }
        }
        sb.append("  users               : ");
        sb.append(String.join(", ", world.users().stream().map(u -> u.email() + " " + u.sites()).toList())).append('\n');
        var nango = world.nango();
        if (nango != null && nango.secretKeys() != null && !nango.secretKeys().isEmpty()) {
            sb.append("  Nango               -> ").append(sim.baseUrl()).append("/nango  (secret key ")
                    .append(dev.jirasim.simulator.common.Redact.secret(nango.secretKeys().get(0))).append(", see docs/nango.md)\n");
        }
        for (var dc : world.dataCenter()) {
            sb.append("  Jira Data Center    -> ").append(sim.baseUrl()).append("/dc/").append(dc.id()).append(dc.contextPath()).append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
