package dev.jirasim.simulator.nango;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NangoProviderTest {
    private final NangoContext ctx = new NangoContext(null, "http://public:1/t/x", "http://127.0.0.1:2/t/x", null, null);

    @Test
    void jiraLivesAtTheAtlassianRoutes() {
        NangoProvider jira = NangoProvider.of(new Integration("jira", "jira", null, "c", "s", null, null));
        assertEquals(NangoProvider.JIRA, jira);
        assertEquals("http://public:1/t/x/auth/authorize", jira.authorizeUrl(ctx, Map.of()));
        assertEquals("http://127.0.0.1:2/t/x/auth/oauth/token", jira.tokenUrl(ctx, Map.of()));
        assertEquals("http://127.0.0.1:2/t/x/api", jira.proxyBase(ctx, Map.of()));
        var params = new LinkedHashMap<String, String>();
        jira.addAuthorizeParams(params);
        assertEquals(Map.of("audience", "api.atlassian.com", "prompt", "consent"), params);
    }

    @Test
    void dataCenterLivesAtTheEndpointUrlOverTheSimulatorsScheme() {
        NangoProvider dc = NangoProvider.of(new Integration("dc", "jira-data-center", null, "c", "s", null, null));
        assertEquals(NangoProvider.JIRA_DATA_CENTER, dc);
        Map<String, Object> config = Map.of("endpointURL", "127.0.0.1:2/dc/main//");
        assertEquals("http://127.0.0.1:2/dc/main/rest/oauth2/latest/authorize", dc.authorizeUrl(ctx, config));
        assertEquals("http://127.0.0.1:2/dc/main/rest/oauth2/latest/token", dc.tokenUrl(ctx, config));
        assertEquals("http://127.0.0.1:2/dc/main/rest/api/latest", dc.proxyBase(ctx, config));
        var e = assertThrows(Problem.class, () -> dc.requireConfig(Map.of()));
        assertEquals(400, e.status());
    }
}
