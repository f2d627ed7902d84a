package dev.jirasim.simulator.control;

/**
 * One call of {@link HttpSimulatorControl} as it went over the wire: what was sent and what came back, for a
 * report or a debug line. Bodies are as sent and received, so mask secrets before showing them (a world
 * export and issued tokens hold secrets in full); the admin token is never part of it.
 *
 * @param requestBody  null when the call sends none
 * @param status       0 when no answer came (the server could not be reached)
 * @param responseBody null when no answer came
 */
public record ControlExchange(String method, String url, String requestBody, int status, String responseBody) {
}
