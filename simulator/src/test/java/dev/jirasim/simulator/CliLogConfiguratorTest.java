package dev.jirasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The command line's logging set in code must be what {@code src/cli/logback.xml} sets, and must give way to it. */
class CliLogConfiguratorTest {
    private final boolean before = CliLogConfigurator.enable(false);

    @AfterEach
    void restore() {
        CliLogConfigurator.enable(before);
    }

    @Test
    void setsTheLevelsAndTheLineThatLogbackXmlSets() throws Exception {
        var fromXml = new LoggerContext();
        var joran = new JoranConfigurator();
        joran.setContext(fromXml);
        joran.doConfigure(Path.of("src", "cli", "logback.xml").toFile());

        var inCode = new LoggerContext();
        CliLogConfigurator.enable(true);
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator(inCode).configure(inCode));

        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.eclipse.jetty", "org.eclipse.jetty.server.Server", "io.javalin",
                "io.javalin.Javalin", "jirasim", "jirasim.requests", "dev.jirasim.simulator.server.SimulatorServer")) {
            assertEquals(fromXml.getLogger(name).getEffectiveLevel(), inCode.getLogger(name).getEffectiveLevel(), name);
        }
        for (Level level : List.of(Level.INFO, Level.WARN, Level.ERROR)) {
            var event = new LoggingEvent("test", inCode.getLogger("jirasim.requests"), level, "GET /api/me {} {}ms", null, new Object[] {401, 3});
            event.setTimeStamp(1_765_000_000_123L);
            assertEquals(line(fromXml, event), line(inCode, event), level.toString());
        }
    }

    @Test
    void leavesLogbackXmlToAnythingButTheCommandLine() {
        var context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator(context).configure(context));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing configured");
    }

    @Test
    void givesWayToAFileNamedInLogbackConfigurationFile() {
        CliLogConfigurator.enable(true);
        String was = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "mine.xml");
        try {
            var context = new LoggerContext();
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configurator(context).configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing configured");
        } finally {
            if (was == null) System.clearProperty("logback.configurationFile");
            else System.setProperty("logback.configurationFile", was);
        }
    }

    private static CliLogConfigurator configurator(LoggerContext context) {
        var c = new CliLogConfigurator();
        c.setContext(context);
        return c;
    }

    /** What the root logger's console appender writes for the event. */
    private static String line(LoggerContext context, ILoggingEvent event) {
        var appender = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        assertNotNull(appender, "a console appender named STDOUT on the root logger");
        assertEquals("System.out", appender.getTarget());
        return new String(appender.getEncoder().encode(event), java.nio.charset.StandardCharsets.UTF_8);
    }
}
