package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetFileTest {
    @Test
    void thePackedTemplateIsTheRepositorysSimulatorTarget() throws Exception {
        Path shipped = Path.of(System.getProperty("jirasim.root", ".."), "scenarios/targets/simulator.yaml");
        assertEquals(Files.readString(shipped), TargetFile.template());
    }

    @Test
    void everyBaseUrlMovesToTheStartedSimulator() {
        String text = TargetFile.forSimulator(TargetFile.template(), "http://localhost:41234", false);
        assertFalse(text.contains("8484"), text);
        assertTrue(text.contains("  auth: http://localhost:41234/auth\n"), text);
        assertTrue(text.contains("  dc: http://localhost:41234/dc/dc1\n"), text);
        assertTrue(text.contains("capabilities: [clock, consent-automation, seed, journal, faults, webhooks]"), text);
        assertFalse(text.contains("adminToken"), text);
    }

    @Test
    void anAdminTokenIsReadFromTheEnvironmentNotWrittenDown() {
        String text = TargetFile.forSimulator(TargetFile.template(), "http://localhost:41234/", true);
        assertTrue(text.contains("\nvariables:\n  adminToken: ${env.JIRASIM_ADMIN_TOKEN}\n  clientId: jirasim-client\n"), text);
        assertTrue(text.contains("  api: http://localhost:41234/api\n"), text);
    }
}
