package dev.jirasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaultsAreLoopbackOn8484() {
        SimulatorConfig config = Main.parse(new String[0]);
        assertEquals("127.0.0.1", config.host());
        assertEquals(8484, config.port());
        assertEquals("http://localhost:8484", config.publicUrlFor(8484));
        assertNull(config.fixture());
    }

    @Test
    void optionsAreReadInBothForms() {
        SimulatorConfig config = Main.parse(new String[] {"--port", "9001", "--host=0.0.0.0", "--public-url", "https://sim.example/",
                "--admin-token", "0123456789abcdef-token"});
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
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--fixture", "/no/such/file.yaml"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--public-url", "ftp://x"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}));
    }

    @Test
    void bannerNamesTheUrlMapClientAndUsers() {
        try (Jirasim sim = Jirasim.start(SimulatorConfig.builder().randomPort().build())) {
            String banner = Main.banner(sim);
            assertTrue(banner.contains(sim.authUrl()), banner);
            assertTrue(banner.contains(sim.apiUrl()), banner);
            assertTrue(banner.contains("jirasim-client / jirasim-secret"), banner);
            assertTrue(banner.contains("alice@acme.test"), banner);
        }
    }
}
