package dev.jirasim.bench;

import io.javalin.Javalin;

/** The floor of our stack for every comparison: Javalin with one "hello" route on loopback, nothing else. */
public final class BareJavalin {
    private BareJavalin() {
    }

    static Javalin start() {
        return start(null);
    }

    /**
     * For the cold-start and memory comparisons: {@code BareJavalin --port N [--static FILE]} serves hello (and FILE at
     * {@code /static}) until stopped, as jirasim takes its port.
     */
    public static void main(String[] args) throws java.io.IOException {
        var opts = Cli.options(args);
        String body = opts.containsKey("static") ? java.nio.file.Files.readString(java.nio.file.Path.of(opts.get("static"))) : null;
        Javalin app = start(Integer.parseInt(opts.getOrDefault("port", "0")), body);
        // Stops on SIGTERM as jirasim's Main does, so a class-data training run ends the same way for both.
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }

    /** Where Jirasim serves {@code search/jql}, as a Javalin route. */
    static final String SEARCH_PATH = "/api/ex/jira/{cloudId}/rest/api/3/search/jql";

    /**
     * With a body, also {@code GET /static} and {@link #SEARCH_PATH}: that JSON as a fixed string, the same response
     * without any work.
     */
    static Javalin start(String staticJson) {
        return start(0, staticJson);
    }

    static Javalin start(int port, String staticJson) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = port;
            c.routes.get("/hello", ctx -> ctx.result("hello"));
            if (staticJson != null) {
                c.routes.get("/static", ctx -> ctx.contentType("application/json").result(staticJson));
                // The load run's baseline: the same request line as Jirasim's search (path and query, which Jetty parses
                // character by character), answered with the fixed string.
                c.routes.get(SEARCH_PATH, ctx -> ctx.contentType("application/json").result(staticJson));
            }
        }).start();
    }
}
