package dev.jirasim.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The command line's logging, set in code: what {@code src/cli/logback.xml} says, without Logback's XML
 * configurator, whose parser took about a tenth of a second of CPU at every start. Only the runnable jar registers it
 * (as a Logback {@link Configurator} service), and it acts only once {@link Main} has asked for it: anything else run
 * from that jar, and anyone who names a file in {@code -Dlogback.configurationFile}, gets {@code logback.xml} as before.
 * {@code CliLogConfiguratorTest} holds the two to the same result.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CliLogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";
    private static volatile boolean enabled;

    /** Called by the command line, before it asks for its first logger, with true; returns what was set before. */
    static boolean enable(boolean on) {
        boolean before = enabled;
        enabled = on;
        return before;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!enabled || System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        var console = new ConsoleAppender<ILoggingEvent>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        // One line per request; Jetty and Javalin only when something is wrong.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
