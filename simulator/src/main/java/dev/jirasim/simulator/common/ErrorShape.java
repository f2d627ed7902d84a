package dev.jirasim.simulator.common;

/**
 * How one emulated host writes an error body. Each service owns its shape; the server applies the shape of
 * the host a request was addressed to, for thrown problems, unknown paths and unexpected failures alike.
 */
@FunctionalInterface
public interface ErrorShape {
    Object body(int status, String code, String message);

    /** The error code a host uses for a bare status (unknown path, oversized body, internal failure). */
    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
