package dev.jirasim.simulator.common;

/** Limits every emulated host shares. */
public final class Limits {
    /** Largest request body any emulated host accepts (bigger ones get that host's 413). */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    /** Largest multipart body (an attachment upload) read at all; each world sets its own, smaller, per-file limit. */
    public static final long MAX_UPLOAD_BYTES = 257L * 1024 * 1024;

    private Limits() {
    }
}
