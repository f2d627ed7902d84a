package dev.jirasim.bench;

import io.javalin.Javalin;

/** The floor of our stack for every comparison: Javalin with one "hello" route on loopback, nothing else. */
public final class BareJavalin {
    private BareJavalin() {
    }

    static Javalin start() {
        return start(null);
    }

    /** For the cold-start comparison: {@code BareJavalin --port N} serves hello until stopped, as jirasim takes its port. */
    public static void main(String[] args) {
        Javalin app = start(Integer.parseInt(Cli.options(args).getOrDefault("port", "0")), null);
        // Stops on SIGTERM as jirasim's Main does, so a class-data training run ends the same way for both.
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }

    /** With a body, also {@code GET /static}: that JSON as a fixed string, the same response without any work. */
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
            if (staticJson != null) c.routes.get("/static", ctx -> ctx.contentType("application/json").result(staticJson));
        }).start();
    }
}
