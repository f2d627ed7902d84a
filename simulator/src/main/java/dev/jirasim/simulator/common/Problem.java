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

    public Problem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public Problem(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
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
