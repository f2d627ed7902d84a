package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token store keeps an access token it minted by its signature, without the JWT, and mints the JWT again for
 * exports: every answer must be the one a store holding the full JWT gives. A token is accepted only exactly as it
 * was issued, whether or not it was presented before.
 */
class TokenStorageTest {
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

    @Test
    void anExportHoldsEachTokenExactlyAsIssued() {
        var issued = new ArrayList<TokenPair>();
        for (int i = 0; i < 20; i++) issued.add(issue());
        List<String> exported = store.snapshot().accessTokens().stream().map(AccessToken::token).toList();
        assertEquals(issued.stream().map(p -> p.access().token()).sorted().toList(), exported.stream().sorted().toList());
        // And the session of an authenticated request carries the token as presented.
        String token = issued.get(3).access().token();
        assertEquals(token, store.authenticate(token).orElseThrow().token().token());
    }

    @Test
    void tokensMintedAgainDifferAsFreshOnesDo() {
        TokenPair a = issue();
        TokenPair b = issue();
        assertNotEquals(claims(a.access().token()).replaceAll(".*\"nonce\":\"(\\w+)\".*", "$1"),
                claims(b.access().token()).replaceAll(".*\"nonce\":\"(\\w+)\".*", "$1"));
    }

    @Test
    void aTamperedTokenIsRefusedBeforeAndAfterTheRealOneWasSeen() {
        String token = issue().access().token();
        String[] parts = token.split("\\.");
        // Same signature, claims changed (a later expiry): the signature no longer fits.
        String later = claims(token).replaceAll("\"exp\":\\d+", "\"exp\":4102444800");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(later.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertFalse(store.authenticate(forged).isPresent());
        assertTrue(store.authenticate(token).isPresent());
        assertFalse(store.authenticate(forged).isPresent());
        // A changed signature, a cut token, other characters: unknown tokens all.
        char last = parts[2].charAt(parts[2].length() - 1);
        assertFalse(store.authenticate(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')).isPresent());
        assertFalse(store.authenticate(token.substring(0, token.length() - 1)).isPresent());
        assertFalse(store.authenticate(token.replace('.', 'é')).isPresent());
        assertFalse(store.authenticate("é" + token.substring(1)).isPresent());
        assertFalse(store.authenticate("").isPresent());
        assertFalse(store.authenticate("...").isPresent());
    }

    @Test
    void revokingByValueWorksForTokensSeenAndUnseenAndBeyondTheMemoOfSeenOnes() {
        var pairs = new ArrayList<TokenPair>();
        for (int i = 0; i < 1100; i++) pairs.add(issue());
        // Present more tokens than the store remembers as checked, so the first ones have been forgotten.
        for (TokenPair p : pairs) assertTrue(store.authenticate(p.access().token()).isPresent());
        assertTrue(store.revokeToken(pairs.get(0).access().token()));
        assertTrue(store.revokeToken(pairs.get(1099).access().token()));
        assertTrue(store.revokeToken(pairs.get(500).access().id()));
        assertFalse(store.authenticate(pairs.get(0).access().token()).isPresent());
        assertFalse(store.authenticate(pairs.get(1099).access().token()).isPresent());
        assertFalse(store.authenticate(pairs.get(500).access().token()).isPresent());
        assertTrue(store.authenticate(pairs.get(1).access().token()).isPresent());
        assertFalse(store.revokeToken("not-a-token"));
    }

    @Test
    void aStateLoadedElsewhereAcceptsTheSameTokensAndTokensOfAnyForm() {
        TokenPair pair = issue();
        TokenState state = store.snapshot();
        var copy = new TokenStore(clock, () -> AuthPolicy.DEFAULTS);
        copy.load(state);
        assertTrue(copy.authenticate(pair.access().token()).isPresent());
        assertEquals(state, copy.snapshot());

        // A world file may give any string as an access token.
        AccessToken given = new AccessToken("at-given", "my-fixed-token", state.grants().get(0).id(), null, SCOPES,
                clock.now(), clock.now().plusSeconds(3600), null);
        var withGiven = new TokenState(state.grants(), List.of(), List.of(given), List.of());
        var third = new TokenStore(clock, () -> AuthPolicy.DEFAULTS);
        third.load(withGiven);
        assertTrue(third.authenticate("my-fixed-token").isPresent());
        assertTrue(third.revokeToken("my-fixed-token"));
        assertFalse(third.authenticate("my-fixed-token").isPresent());
        assertEquals("my-fixed-token", third.snapshot().accessTokens().get(0).token());
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
