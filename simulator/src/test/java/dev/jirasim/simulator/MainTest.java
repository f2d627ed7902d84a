package dev.jirasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.world.CloudOptions;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaultsAreLoopbackOn8484() {
        SimulatorConfig config = Main.parse(new String[0], env -> null).config();
        assertEquals("127.0.0.1", config.host());
        assertEquals(8484, config.port());
        assertEquals("http://localhost:8484", config.publicUrlFor(8484));
        assertNull(config.fixture());
    }

    @Test
    void optionsAreReadInBothForms() {
        SimulatorConfig config = Main.parse(new String[] {"--port", "9001", "--host=0.0.0.0", "--public-url", "https://sim.example/",
                "--admin-token", "0123456789abcdef-token"}).config();
        assertEquals(9001, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals("0123456789abcdef-token", config.adminToken());
        // Off loopback without a token the command line is refused, with the reason.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--host", "0.0.0.0"})).getMessage()
                .contains("--admin-token"));
        assertEquals("https://sim.example", config.publicUrlFor(9001));
        assertNull(Main.parse(new String[] {"--help"}));
    }

    @Test
    void badOptionsAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "x"})).getMessage().contains("number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--colour", "red"})).getMessage().contains("--colour"));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"})).getMessage().contains("needs a value"));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--fixture", "/no/such/file.yaml"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--public-url", "ftp://x"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}));
        assertEquals("--site-urls must be real or local, not remote",
                assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--site-urls", "remote"})).getMessage());
    }

    @Test
    void noAdminIsAFlagWithoutAValue() {
        assertTrue(Main.parse(new String[] {"--no-admin", "--port", "0"}).config().noAdmin());
        assertFalse(Main.parse(new String[] {"--port", "0"}).config().noAdmin());
    }

    @Test
    void siteUrlsAreRealUnlessAskedForLocal() {
        assertNull(Main.parse(new String[0], env -> null).config().siteUrls(), "no option: as the world file says");
        assertEquals(CloudOptions.SiteUrls.LOCAL,
                Main.parse(new String[] {"--site-urls", "local"}, env -> null).config().siteUrls());
        assertEquals(CloudOptions.SiteUrls.REAL,
                Main.parse(new String[] {"--site-urls=REAL"}, env -> null).config().siteUrls());
    }

    @Test
    void anUnknownOptionIsNamedAsUnknownEvenWithoutAValue() {
        // "--bogus" used to be reported as "--bogus needs a value".
        assertEquals("unknown option: --bogus", assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--bogus"})).getMessage());
        assertEquals("unknown option: --bogus", assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[] {"--bogus=1", "--port", "1"})).getMessage());
    }

    @Test
    void theRequestLogLevelComesFromTheOptionOrTheEnvironment() {
        assertNull(Main.parse(new String[0], env -> null).logLevel(), "no option: the logging config decides");
        assertEquals("WARN", Main.parse(new String[] {"--log-level", "warn"}, env -> null).logLevel());
        assertEquals("DEBUG", Main.parse(new String[0], env -> env.equals("JIRASIM_LOG_LEVEL") ? "debug" : null).logLevel());
        assertEquals("OFF", Main.parse(new String[] {"--log-level=OFF"}, env -> env.equals("JIRASIM_LOG_LEVEL") ? "debug" : null).logLevel(),
                "the option wins over the environment");
        String message = assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--log-level", "loud"}, env -> null))
                .getMessage();
        assertTrue(message.contains("TRACE, DEBUG, INFO, WARN, ERROR, OFF") && message.contains("loud"), message);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[0], env -> env.equals("JIRASIM_LOG_LEVEL") ? "verbose" : null)).getMessage().contains("JIRASIM_LOG_LEVEL"));
    }

    @Test
    void everyOptionAlsoComesFromTheEnvironmentAndTheCommandLineWins(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var fixture = java.nio.file.Files.writeString(dir.resolve("w.yaml"), "version: 1\n");
        var env = java.util.Map.of("JIRASIM_PORT", "9123", "JIRASIM_HOST", "0.0.0.0", "JIRASIM_PUBLIC_URL", "https://sim.example.test",
                "JIRASIM_FIXTURE", fixture.toString(), "JIRASIM_STATE", dir.resolve("state.json").toString(), "JIRASIM_ADMIN_TOKEN", "an-admin-token-of-32-characters!",
                "JIRASIM_LOG_LEVEL", "warn", "JIRASIM_SITE_URLS", "local", "JIRASIM_NO_ADMIN", "true");
        assertEquals(env.keySet(), Main.ENVIRONMENT.keySet(), "every environment variable is tested here");
        Main.Options o = Main.parse(new String[0], env::get);
        assertEquals(9123, o.config().port());
        assertEquals("0.0.0.0", o.config().host());
        assertEquals("https://sim.example.test", o.config().publicUrlFor(9123));
        assertEquals(fixture, o.config().fixture());
        assertEquals(dir.resolve("state.json"), o.config().state());
        assertEquals("an-admin-token-of-32-characters!", o.config().adminToken());
        assertEquals("WARN", o.logLevel());
        assertEquals(CloudOptions.SiteUrls.LOCAL, o.config().siteUrls());
        assertTrue(o.config().noAdmin());
        Main.Options cli = Main.parse(new String[] {"--port", "9200", "--log-level", "error"}, env::get);
        assertEquals(9200, cli.config().port(), "the command line wins");
        assertEquals("ERROR", cli.logLevel());
        assertEquals("0.0.0.0", cli.config().host(), "what the command line leaves alone still comes from the environment");
        String bad = assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[0], k -> k.equals("JIRASIM_PORT") ? "eighty" : null))
                .getMessage();
        assertTrue(bad.startsWith("JIRASIM_PORT: ") && bad.contains("eighty"), bad);
        assertFalse(Main.parse(new String[0], k -> k.equals("JIRASIM_NO_ADMIN") ? "false" : null).config().noAdmin());
        assertTrue(Main.USAGE.contains("JIRASIM_PORT") && Main.USAGE.contains("--version"), Main.USAGE);
    }

    @Test
    void versionIsAskedForWithoutStartingAnything() {
        assertNull(Main.parse(new String[] {"--port", "1", "--version"}, env -> null).config());
        assertFalse(dev.jirasim.simulator.common.Version.current().equals("unknown"), "Maven filled in the version");
    }

    @Test
    void theLevelReachesTheRequestLogger() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("jirasim.requests");
        var before = logger.getLevel();
        try {
            assertTrue(CliLogging.setRequestLevel("DEBUG"));
            assertTrue(logger.isDebugEnabled());
            assertTrue(CliLogging.setRequestLevel("OFF"));
            assertFalse(logger.isErrorEnabled());
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void bannerNamesTheUrlMapClientAndUsers() {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            String banner = Main.banner(sim);
            assertTrue(banner.contains(sim.authUrl()), banner);
            assertTrue(banner.contains(sim.apiUrl()), banner);
            assertTrue(banner.contains("jirasim-client / jirasim-secret"), banner);
            assertTrue(banner.contains("alice@acme.test"), banner);
            // From the world the server started with, its public URL already in place.
            assertTrue(banner.contains(sim.baseUrl() + "/nango/oauth/callback"), banner);
            assertTrue(banner.contains("Jira Data Center    -> " + sim.baseUrl() + "/dc/"), banner);
        }
    }

    /**
     * What the command line tells Jetty must be what Jetty works out itself through the MBean server, with
     * compressed references and without: each JVM prints both (the probe below sets no property).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-XX:+UseCompressedOops", "-XX:-UseCompressedOops"})
    void jettyIsToldTheReferencesPerCacheLineItWouldWorkOutItself(String oops) throws Exception {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var p = new ProcessBuilder(launcher, oops, "-cp", System.getProperty("java.class.path"), CacheLineProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        String[] answers = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        assertEquals(answers[1], answers[0], "ours, then Jetty's: " + out);
        assertEquals(oops.contains("+") ? "16" : "8", answers[0], out);
    }

    static final class CacheLineProbe {
        public static void main(String[] args) {
            System.out.println(Main.referencesPerCacheLine() + " " + org.eclipse.jetty.util.MemoryUtils.getReferencesPerCacheLine());
        }
    }
}
