package dev.jirasim.maven;

/** The simulator could not be started, did not become ready, or could not be stopped; the message says why. */
final class SimulatorException extends Exception {
    SimulatorException(String message) {
        super(message);
    }

    SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
