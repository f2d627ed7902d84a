package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens the simulated clock has put beyond use are dropped, so a long run of refreshes stays bounded, and what is
 * kept still gives every answer it gave: a rotated refresh token still revokes its grant when reused.
 */
class TokenPurgeTest {
    private static final List<String> SCOPES = List.of("read:jira-work", "offline_access");
    private final SimClock clock = new SimClock();
    private TokenStore store;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        clock.freeze();
        store = new TokenStore(clock, () -> AuthPolicy.DEFAULTS);
    }

    private TokenPair issue() {
        return store.issueDirect("jirasim-client", "account-1", SCOPES, List.of("cloud-1"));
    }

    private TokenPair refresh(TokenPair pair) {
        var out = store.refresh(pair.refresh().token(), "jirasim-client");
        return assertInstanceOf(TokenStore.Outcome.Issued.class, out).pair();
    }

    @Test
    void expiredAndSupersededTokensGoRotatedRefreshTokensStayForReuseDetection() {
        TokenPair first = issue();
        var pairs = new ArrayList<TokenPair>(List.of(first));
        for (int i = 0; i < 100; i++) pairs.add(refresh(pairs.get(pairs.size() - 1)));
        assertEquals(101, store.snapshot().accessTokens().size());

        // Past the leeway: the 100 superseded access tokens stopped working, and are gone; the newest stays.
        clock.advance(Duration.ofSeconds(AuthPolicy.DEFAULTS.refreshLeewaySeconds() + 1));
        TokenState state = store.snapshot();
        assertEquals(List.of(pairs.get(100).access().id()), state.accessTokens().stream().map(AccessToken::id).toList());
        assertTrue(store.authenticate(pairs.get(100).access().token()).isPresent());
        assertFalse(store.authenticate(pairs.get(0).access().token()).isPresent());
        // Every refresh token stays: the rotated ones are what reuse detection needs.
        assertEquals(101, state.refreshTokens().size());
        // The spent authorization code is past its ten minutes too.
        assertEquals(List.of(), state.codes());

        // Reusing the first refresh token now revokes the grant, as before.
        assertInstanceOf(TokenStore.Outcome.Rejected.class, store.refresh(first.refresh().token(), "jirasim-client"));
        assertTrue(store.snapshot().grants().get(0).revoked());
        assertFalse(store.authenticate(pairs.get(100).access().token()).isPresent());
    }

    @Test
    void refreshTokensGoOnceTheyCouldNoLongerBeUsedAtAll() {
        TokenPair pair = refresh(refresh(issue()));
        clock.advance(Duration.ofSeconds(AuthPolicy.DEFAULTS.refreshInactivitySeconds()));
        TokenState state = store.snapshot();
        assertEquals(List.of(), state.refreshTokens());
        assertEquals(List.of(), state.accessTokens());
        assertEquals(1, state.grants().size());
        assertInstanceOf(TokenStore.Outcome.Rejected.class, store.refresh(pair.refresh().token(), "jirasim-client"));
        assertFalse(store.snapshot().grants().get(0).revoked(), "an inactive token is refused without revoking the grant");
    }

    @Test
    void aLongRunOfRefreshesOnAMovingClockStaysBounded() {
        TokenPair pair = issue();
        int most = 0;
        // Two simulated days of a refresh every ten seconds, the access token used in between.
        for (int i = 0; i < 2 * 8640; i++) {
            pair = refresh(pair);
            assertTrue(store.authenticate(pair.access().token()).isPresent());
            clock.advance(Duration.ofSeconds(10));
            if (i % 500 == 0) most = Math.max(most, store.snapshot().accessTokens().size());
        }
        // Access tokens live at most the leeway (61 at one per ten seconds) plus a minute of sweeping.
        assertTrue(most <= 61 + 7, "access tokens kept: " + most);
    }
}
