package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JiraRateLimitSettingsTest {
    @Test
    void offWhenAbsent() {
        WorldFile file = WorldFiles.parse("version: 1\n", null);
        assertNull(file.jira().rateLimit());
        assertTrue(!WorldFiles.toYaml(file).contains("rateLimit"));
    }

    @Test
    void defaultsFillAnEmptyMapping() {
        RateLimit limit = WorldFiles.parse("version: 1\njira:\n  rateLimit: {}\n", null).jira().rateLimit();
        assertEquals(new RateLimit(RateLimit.DEFAULT_CAPACITY, RateLimit.DEFAULT_REFILL_PER_SECOND, RateLimit.Scope.PER_USER_APP), limit);
    }

    @Test
    void readAndExportedWithWireNames() {
        WorldFile file = WorldFiles.parse("version: 1\njira:\n  rateLimit: {capacity: 5, refillPerSecond: 0.25, scope: perSite}\n", null);
        assertEquals(new RateLimit(5, 0.25, RateLimit.Scope.PER_SITE), file.jira().rateLimit());
        String json = WorldFiles.toJson(file);
        assertTrue(json.contains("\"scope\" : \"perSite\""), json);
        assertEquals(file.jira(), WorldFiles.parse(json, null).jira());
    }

    @Test
    void invalidSettingsAreRefusedWithLineAndMessage() {
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\njira:\n  rateLimit: {capacity: 0}\n", null));
        assertTrue(e.getMessage().contains("capacity must be 1 or more"), e.getMessage());
        e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\njira:\n  rateLimit: {scope: perPlanet}\n", null));
        assertTrue(e.getMessage().contains("perPlanet"), e.getMessage());
        e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\njira:\n  rateLimit: {burst: 3}\n", null));
        assertTrue(e.getMessage().contains("burst"), e.getMessage());
    }

    @Test
    void theOldOneArgumentConstructorStillWorks() {
        assertNull(new JiraSettings(JiraSettings.LegacySearch.AVAILABLE).rateLimit());
    }
}
