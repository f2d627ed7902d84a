package dev.jirasim.simulator.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathGlobTest {
    @ParameterizedTest
    @CsvSource({
            "/api/me, /api/me, true",
            "/api/me, /api/me/, false",
            "/api/me, /api/meh, false",
            "/api/*, /api/me, true",
            "/api/*, /api/oauth/token, false",
            "/api/ex/jira/*/rest/api/3/search/jql, /api/ex/jira/7d3f9a2e-1c4b/rest/api/3/search/jql, true",
            "/api/ex/jira/*/rest/api/3/search/jql, /api/ex/jira/a/b/rest/api/3/search/jql, false",
            "/api/**, /api, true",
            "/api/**, /api/me, true",
            "/api/**, /api/oauth/token/accessible-resources, true",
            "/api/**, /apis, false",
            "/api/**, /auth/authorize, false",
            "/**, /, true",
            "/**, /anything/at/all, true",
            "/api/**/issue, /api/issue, true",
            "/api/**/issue, /api/ex/jira/x/issue, true",
            "/api/**/issue, /api/ex/jira/x/issues, false",
            "/api/ex/jira/*/rest/api/*/issue/*, /api/ex/jira/c/rest/api/2/issue/ACME-1, true",
            "/auth/oauth/tok*, /auth/oauth/token, true",
            "/auth/*/token, /auth/oauth/token, true",
            "/a.b/c, /a.b/c, true",
            "/a.b/c, /aXb/c, false",
    })
    void matches(String glob, String path, boolean expected) {
        if (expected) assertTrue(PathGlob.of(glob).matches(path), glob + " should match " + path);
        else assertFalse(PathGlob.of(glob).matches(path), glob + " should not match " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/me", "/api/***", "/api/**x", "/api/x**", "/api/me?x=1", "/api/{cloudId}/x", "/api/[ab]", "/api/m e"})
    void badPatternsAreRefused(String glob) {
        assertThrows(IllegalArgumentException.class, () -> PathGlob.of(glob));
    }
}
