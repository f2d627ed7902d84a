package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NangoSettingsTest {
    @Test
    void anIntegrationNamesAKnownProvider() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new NangoSettings.Integration("gh", "github", null, "client", "secret", null, null));
        assertEquals("integration gh: provider must be jira or jira-data-center, not github", e.getMessage());
    }

    @Test
    void theProviderGivesTheDefaultDisplayName() {
        var cloud = new NangoSettings.Integration("jira", "jira", null, "client", "secret", null, null);
        var dc = new NangoSettings.Integration("dc", "jira-data-center", null, "client", "secret", null, null);
        assertEquals("Jira (OAuth)", cloud.displayName());
        assertEquals(NangoSettings.Provider.JIRA, cloud.kind());
        assertEquals("Jira Data Center", dc.displayName());
        assertEquals(NangoSettings.Provider.JIRA_DATA_CENTER, dc.kind());
    }
}
