package dev.jirasim.simulator;

import org.slf4j.LoggerFactory;

/**
 * The command line's hold on Logback, the runnable jar's backend: {@code --log-level} sets the
 * {@code jirasim.requests} logger (one INFO line per request, bodies at DEBUG). Under another SLF4J backend
 * nothing is adjusted, because an embedding project configures its own logging.
 */
final class CliLogging {
    static final String REQUESTS = "jirasim.requests";

    private CliLogging() {
    }

    /**
     * Has Logback take the command line's configuration from {@link CliLogConfigurator} rather than parse
     * {@code logback.xml}; must come before the first logger is asked for.
     */
    static void configureInCode() {
        try {
            CliLogConfigurator.enable(true);
        } catch (NoClassDefFoundError noLogback) {
            // Logback is optional: another backend configures itself.
        }
    }

    /** Sets the request log level by name (TRACE … OFF); false when the backend is not Logback. */
    static boolean setRequestLevel(String level) {
        return setLevel(REQUESTS, level);
    }

    /**
     * Silences {@code logger} and returns its level before (null: inherited), for {@link #restore}: Javalin logs its
     * own ERROR line when the port is taken, and the command line reports that failure in one line of its own.
     */
    static String silence(String logger) {
        String before = level(logger);
        setLevel(logger, "OFF");
        return before;
    }

    /** Gives {@code logger} back the level {@link #silence} returned. */
    static void restore(String logger, String level) {
        setLevel(logger, level);
    }

    private static String level(String name) {
        try {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logback && logback.getLevel() != null) {
                return logback.getLevel().toString();
            }
        } catch (NoClassDefFoundError noLogback) {
            // Logback is optional
        }
        return null;
    }

    private static boolean setLevel(String name, String level) {
        try {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logback) {
                // null restores inheritance from the parent logger
                logback.setLevel(level == null ? null : ch.qos.logback.classic.Level.toLevel(level));
                return true;
            }
        } catch (NoClassDefFoundError noLogback) {
            // Logback is optional: without it there is nothing to adjust.
        }
        return false;
    }
}
