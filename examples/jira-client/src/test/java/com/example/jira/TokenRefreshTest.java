package com.example.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.RequestPattern;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access tokens live an hour; refresh tokens rotate. The client must keep up with both. */
@Jirasim
class TokenRefreshTest {
    private static final RequestPattern REFRESH = RequestPattern.post("/auth/oauth/token").withBodyContaining("refresh_token");

    @BeforeEach
    void freeze(JirasimHandle sim) {
        sim.clock().freeze();
    }

    @Test
    void refreshesShortlyBeforeExpiryAndKeepsTheRotatedRefreshToken(JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, "alice@acme.test", "acme");
        var acme = jira.site("acme").orElseThrow();
        String firstRefresh = jira.currentTokens().refreshToken();
        assertEquals("alice@acme.test", jira.myEmail(acme));
        assertEquals(0, jira.refreshCount());

        sim.clock().advance(Duration.ofMinutes(56));
        assertEquals("alice@acme.test", jira.myEmail(acme));
        assertEquals(1, jira.refreshCount());
        assertNotEquals(firstRefresh, jira.currentTokens().refreshToken());
        sim.journal().verify(1, REFRESH.withStatus(200));
    }

    @Test
    void manyCallsAfterExpiryRefreshOnlyOnce(JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, "bob@acme.test");
        var acme = jira.site("acme").orElseThrow();
        sim.clock().advance(Duration.ofHours(2));
        for (int i = 0; i < 10; i++) assertEquals("bob@acme.test", jira.myEmail(acme));
        sim.journal().verify(1, REFRESH);
        sim.journal().verify(10, RequestPattern.get("/api/ex/jira/*/rest/api/3/myself").withStatus(200));
    }

    @Test
    void aRotatedOutRefreshTokenIsRefusedAfterTheLeeway(JirasimHandle sim) {
        var issued = sim.tokens("alice@acme.test", "acme");
        TinyJira jira = Clients.with(sim, issued, new Clients.ClockSleeper(sim));
        // A second copy of the app holding the same tokens, which it will try to refresh much later.
        TinyJira stale = Clients.with(sim, issued, new Clients.ClockSleeper(sim));
        var acme = jira.site("acme").orElseThrow();
        sim.clock().advance(Duration.ofMinutes(58));
        jira.myEmail(acme);
        assertEquals(1, jira.refreshCount());

        // Well past the 10-minute leeway, the old refresh token is dead.
        sim.clock().advance(Duration.ofMinutes(60));
        var e = assertThrows(TinyJira.JiraException.class, () -> stale.myEmail(acme));
        assertEquals(403, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    }

    @Test
    void withoutOfflineAccessThereIsNothingToRefreshWith(JirasimHandle sim) {
        var issued = sim.tokens(null, "carol@globex.test", List.of("globex"), List.of("read:jira-work", "read:jira-user"));
        assertNull(issued.refreshToken());
        TinyJira jira = Clients.with(sim, issued, new Clients.ClockSleeper(sim));
        var globex = jira.sites().get(0);
        assertEquals("carol@globex.test", jira.myEmail(globex));
        sim.clock().advance(Duration.ofHours(1));
        var e = assertThrows(TinyJira.JiraException.class, () -> jira.myEmail(globex));
        assertTrue(e.getMessage().contains("offline_access"), e.getMessage());
    }

    @Test
    void aClientWhoseClockLagsGetsTheGatewaysUnauthorized(JirasimHandle sim) {
        var issued = sim.tokens("alice@acme.test", "acme");
        Clock stuck = Clock.fixed(sim.clock().now(), java.time.ZoneOffset.UTC);
        TinyJira jira = new TinyJira(sim.authUrl(), sim.apiUrl(), Clients.CLIENT_ID, Clients.CLIENT_SECRET,
                TinyJira.tokens(issued.accessToken(), issued.refreshToken(), issued.expiresIn(), stuck), stuck, d -> { });
        var acme = jira.site("acme").orElseThrow();
        sim.clock().advance(Duration.ofSeconds(issued.expiresIn()));
        var e = assertThrows(TinyJira.JiraException.class, () -> jira.myEmail(acme));
        assertEquals(401, e.status());
    }
}
