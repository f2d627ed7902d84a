package dev.jirasim.bench;

import io.javalin.Javalin;

/** The floor of our stack for every comparison: Javalin with one "hello" route on loopback, nothing else. */
final class BareJavalin {
    private BareJavalin() {
    }

    static Javalin start() {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/hello", ctx -> ctx.result("hello"));
        }).start();
    }
}
