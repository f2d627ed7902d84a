package dev.jirasim.simulator.world;

/** A world file or world change that does not make sense; the message says what and where. */
public class WorldException extends RuntimeException {
    public WorldException(String message) {
        super(message);
    }

    public WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
