package dev.jirasim.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    private static final Map<String, String> BASES = Map.of("api", "http://127.0.0.1:4100/api", "auth", "http://127.0.0.1:4100/auth",
            "nango", "http://127.0.0.1:4100/nango", "dc", "http://127.0.0.1:4100/dc/dc1");

    private static String name(String method, String url) {
        return Endpoints.name(method, Endpoints.relativize(url, BASES));
    }

    @Test
    void idsAndKeysBecomePlaceholdersAndTheQueryGoes() {
        assertEquals("GET ${api}/ex/jira/{cloudId}/rest/api/3/issue/{issueIdOrKey}/comment/{id}",
                name("GET", "http://127.0.0.1:4100/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3/issue/ACME-61/comment/10042?expand=x"));
        assertEquals("GET ${api}/ex/jira/{cloudId}/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}",
                name("GET", "http://127.0.0.1:4100/api/ex/jira/b2e4c6a8-3d5f-4a1b-8c7e-9f0a1b2c3d4e/rest/api/3/issue/createmeta/ACME/issuetypes/10005"));
        assertEquals("GET ${dc}/rest/api/2/project/{projectIdOrKey}/versions", name("GET", "http://127.0.0.1:4100/dc/dc1/rest/api/2/project/DCP/versions"));
        assertEquals("PUT ${api}/ex/jira/{cloudId}/rest/api/3/webhook/refresh",
                name("PUT", "http://127.0.0.1:4100/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/3/webhook/refresh"));
        assertEquals("POST ${auth}/oauth/token", name("POST", "http://127.0.0.1:4100/auth/oauth/token"));
    }

    @Test
    void nangoPathsNameConnectionsAndWebhookRoutes() {
        assertEquals("GET ${nango}/connections/{connectionId}", name("GET", "http://127.0.0.1:4100/nango/connections/alice-acme"));
        assertEquals("POST ${nango}/webhook/{environmentUuid}/{providerConfigKey}", name("POST", "http://127.0.0.1:4100/nango/webhook/not-a-uuid/jira"));
    }

    @Test
    void aUrlOutsideEveryBaseKeepsItsPath() {
        assertEquals("GET http://localhost:3000/callback", name("GET", "http://localhost:3000/callback?code=abc"));
    }
}
