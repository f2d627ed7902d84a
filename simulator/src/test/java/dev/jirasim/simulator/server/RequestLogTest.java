package dev.jirasim.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.support.OAuth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestLogTest {

    @Test
    void oneLinePerRequestWithMethodPathStatusAndNoSecrets() {
        Logger logger = (Logger) LoggerFactory.getLogger("jirasim.requests");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            var oauth = new OAuth(sim);
            var tokens = oauth.aliceTokens();
            oauth.resources(tokens.path("access_token"));
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(3, lines.size(), lines.toString()); // authorize, token, accessible-resources
            assertTrue(lines.get(1).matches("POST /auth/oauth/token 200 \\d+ms tenant=default"), lines.get(1));
            for (String line : lines) {
                assertFalse(line.contains("jirasim-secret"), line);
                assertFalse(line.contains(tokens.<String>path("access_token")), line);
                assertFalse(line.contains("code="), line);
            }
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void redactKeepsOnlyAShortPrefix() {
        assertEquals("abcd…(20 chars)", Redact.secret("abcdefghijklmnopqrst"));
        assertEquals("***", Redact.secret("short"));
        assertEquals("grant_type=refresh_token&client_secret=***&refresh_token=eyJh…(12 chars)",
                Redact.form("grant_type=refresh_token&client_secret=s3cret&refresh_token=eyJhbGciOiJI"));
        assertEquals("{\"client_id\":\"x\",\"client_secret\":\"jira…(14 chars)\"}",
                Redact.json("{\"client_id\":\"x\",\"client_secret\":\"jirasim-secret\"}"));
        assertEquals("Bearer eyJh…(12 chars)", Redact.authorization("Bearer eyJhbGciOiJI"));
    }

    @Test
    void handScannedRedactionCoversTheEdges() {
        assertEquals("?code=***&state=abc&=x&flag&token=***", Redact.form("?code=secret1&state=abc&=x&flag&token="));
        assertEquals("a=1?refresh_token=abcd…(12 chars)", Redact.form("a=1?refresh_token=abcdefghijkl"));
        assertEquals("bearer abcd…(10 chars)", Redact.authorization("  bearer \tabcdefghij  "));
        assertEquals("Basic dXNl…(20 chars)", Redact.authorization("Basic dXNlcjpwYXNzd29yZA=="));
        assertEquals("***", Redact.authorization("Bearer"));
        assertEquals("abcd…(26 chars)", Redact.authorization("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("Toke…(18 chars)", Redact.authorization("Token abcdefghijkl"), "an unknown scheme is masked whole");
        assertEquals("/__admin/users/a@x.test/api-tokens/ATAT…(24 chars)", Redact.path("/__admin/users/a@x.test/api-tokens/ATATT3xFfGF0abc=0123ABCD"));
        assertEquals("/t/x/__admin/users/u/api-tokens/ATAT…(10 chars)/more?q=1", Redact.path("/t/x/__admin/users/u/api-tokens/ATATT3xFfG/more?q=1"));
        assertEquals("/__admin/users/u/api-tokens", Redact.path("/__admin/users/u/api-tokens"), "no token, nothing to mask");
        assertEquals("/__admin/users/u/api-tokens/", Redact.path("/__admin/users/u/api-tokens/"));
        assertEquals("/site/acme/rest/api/3/myself", Redact.path("/site/acme/rest/api/3/myself"));
        // Header names in any case: credentials by name, and any name that mentions a secret or a token.
        assertEquals("Bearer eyJh…(12 chars)", Redact.header("AUTHORIZATION", "Bearer eyJhbGciOiJI"));
        assertEquals("abcd…(10 chars)", Redact.header("Cookie", "abcdefghij"));
        assertEquals("abcd…(10 chars)", Redact.header("X-Client-SECRET", "abcdefghij"));
        assertEquals("abcd…(10 chars)", Redact.header("x-refresh-Token-id", "abcdefghij"));
        assertEquals("abcdefghij", Redact.header("X-Request-Id", "abcdefghij"));
        assertEquals("abcdefghij", Redact.header("Tok", "abcdefghij"));
    }
}
