package dev.jirasim.simulator.control;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Problem;
import java.util.LinkedHashMap;

/** The control API's errors: {@code {"status": 400, "error": "bad_request", "message": "…"}}. */
public final class AdminErrors {
    public static final ErrorShape SHAPE = (status, code, message) -> {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status);
        body.put("error", code);
        body.put("message", message);
        return body;
    };

    private AdminErrors() {
    }

    public static Problem badRequest(String message) {
        return new Problem(400, "bad_request", message);
    }

    public static Problem notFound(String message) {
        return new Problem(404, "not_found", message);
    }
}
