package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Version;
import io.javalin.http.Context;
import java.util.LinkedHashMap;

/**
 * {@code GET /__admin/health}: 200 {@code {"status":"ready"}} once the world is loaded, 503 {@code "starting"} before.
 * Build plugins, CI scripts and container probes wait on it instead of on a log line.
 */
final class Health {
    static final String PATH = "/__admin/health";

    private Health() {
    }

    static void answer(Context ctx, boolean ready) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", ready ? "ready" : "starting");
        body.put("version", Version.current());
        ctx.header("Cache-Control", "no-store");
        ctx.status(ready ? 200 : 503).json(body);
    }
}
