package dev.jirasim.simulator.control;

/**
 * One call of {@link HttpSimulatorControl} as it went over the wire: what was sent and what came back, for a
 * report or a debug line. Bodies are as sent and received, so mask secrets before showing them (a world
 * export, issued tokens and a new API token hold secrets in full, a DC password is sent in full); the admin token
 * is never part of it, and an API token in the URL's path is masked.
 *
 * @param requestBody  null when the call sends none
 * @param status       0 when no answer came (the server could not be reached)
 * @param responseBody null when no answer came
 */
public record ControlExchange(String method, String url, String requestBody, int status, String responseBody) {
}
