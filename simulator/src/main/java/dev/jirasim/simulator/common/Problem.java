package dev.jirasim.simulator.common;

import java.util.Map;

/**
 * A request the emulated service refuses. Domain code throws it with the status, the service's error code
 * and a clear message; the emulated host's error writer turns it into that host's wire shape.
 */
public final class Problem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> headers;
    private final ErrorShape shape;
    private final Object body;

    public Problem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public Problem(int status, String code, String message, Map<String, String> headers) {
        this(status, code, message, headers, null, null);
    }

    private Problem(int status, String code, String message, Map<String, String> headers, ErrorShape shape, Object body) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.shape = shape;
        this.body = body;
    }

    /** A problem written in a given shape whatever the host (the gateway's own errors in front of Jira). */
    public static Problem shaped(ErrorShape shape, int status, String code, String message) {
        return new Problem(status, code, message, Map.of(), shape, null);
    }

    /** A problem whose body is given whole (Jira's field errors). */
    public static Problem withBody(int status, String message, Object body) {
        return withBody(status, message, body, Map.of());
    }

    /** As {@link #withBody(int, String, Object)}, with response headers (a Content-Type here wins). */
    public static Problem withBody(int status, String message, Object body, Map<String, String> headers) {
        return new Problem(status, "error", message, headers, null, body);
    }

    /** The shape to use instead of the host's, or null. */
    public ErrorShape shape() {
        return shape;
    }

    /** The complete body to write, or null to build one from the shape. */
    public Object body() {
        return body;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
