package dev.jirasim.simulator.control;

/**
 * The control API refused a call with a status that has no Java counterpart in {@link SimulatorControl} (401
 * without the admin token, 404 at a wrong base URL, a 5xx), or answered something this client cannot read.
 * The message names the call and carries the server's own message.
 */
public final class ControlApiException extends RuntimeException {
    private final int status;
    private final String error;

    ControlApiException(String method, String url, int status, String error, String message) {
        super(method + " " + url + " answered " + status + (error == null ? "" : " " + error) + ": " + message);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The control API's {@code error} code ({@code unauthorized}, {@code not_found}, …), or null when the body had none. */
    public String error() {
        return error;
    }
}
