package dev.jirasim.simulator.world;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Grants, authorization codes and tokens of one world, and the rules that move them: single-use codes,
 * rotating refresh tokens with a leeway, inactivity and absolute expiry, reuse detection, companion
 * revocation. Every method is synchronized, so concurrency rules (one winner per code, no split token
 * family) live here and nowhere else. Plain Java: callers map the outcomes to their wire errors.
 */
public final class TokenStore {

    /** Product-neutral scopes that accessible-resources does not list per site. */
    private static final Set<String> ACCOUNT_SCOPES = Set.of("offline_access", "read:me");
    public static final String OFFLINE_ACCESS = "offline_access";

    public enum CodeRejection { UNKNOWN, USED, EXPIRED, CLIENT_MISMATCH, REDIRECT_MISMATCH, PKCE_MISMATCH, GRANT_REVOKED }

    public enum RefreshRejection { UNKNOWN, CLIENT_MISMATCH, REVOKED, INACTIVE, ABSOLUTE_EXPIRED, REUSED }

    public sealed interface Outcome<R> {
        record Issued<R>(TokenPair pair) implements Outcome<R> {
        }

        record Rejected<R>(R reason) implements Outcome<R> {
        }
    }

    /** An authenticated access token and the grant it speaks for. */
    public record Session(Grant grant, AccessToken token) {
    }

    private final SimClock clock;
    private final Supplier<AuthPolicy> policy;
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    /**
     * Access tokens by their key: a token minted here by its {@link JwtMinter.Signature}, stored without its JWT
     * (a refresh storm keeps hundreds of thousands of them alive, and the JWT was two thirds of each); a token a world
     * file brought by its full value ({@link TokenKey}), as it may be anything.
     */
    private final Map<Object, AccessToken> accessByKey = new HashMap<>();
    /**
     * Tokens presented lately whose signature checked out, so a client using one token for many requests pays for
     * the check once. A pure memo: a token's signature never changes, and whether it still works is decided by
     * {@link #accessByKey}. The oldest entry goes first (a lookup changes nothing: it is on every request's path),
     * so a token in use is checked again once per 1 024 new tokens presented.
     */
    private final Map<TokenKey, JwtMinter.Signature> verified = new java.util.LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TokenKey, JwtMinter.Signature> eldest) {
            return size() > 1024;
        }
    };
    private final Map<String, RefreshToken> refreshByToken = new HashMap<>();
    /** Each family's newest refresh token, so a refresh finds the head without scanning every token. */
    private final Map<String, String> newestByFamily = new HashMap<>();
    private final Map<String, String> refreshTokenById = new HashMap<>();
    /** At most once a simulated minute, so a busy token endpoint pays for a sweep rarely. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** The simulated time of the next {@link #purge}; see there. */
    private Instant nextPurge = Instant.MIN;

    public TokenStore(SimClock clock, Supplier<AuthPolicy> policy) {
        this.clock = clock;
        this.policy = policy;
    }

    // ---- consent and codes ------------------------------------------------------------------------

    /** Records consent: adds the sites (cloudIds) and scopes to the user's one grant for this app. */
    public synchronized Grant consent(String clientId, String accountId, Collection<String> scopes, Collection<String> cloudIds) {
        Instant now = clock.now();
        Grant existing = grants.values().stream()
                .filter(g -> !g.revoked() && g.clientId().equals(clientId) && g.accountId().equals(accountId))
                .findFirst().orElse(null);
        Set<String> allScopes = new HashSet<>(scopes);
        Map<String, Set<String>> siteScopes = new TreeMap<>();
        if (existing != null) {
            allScopes.addAll(existing.scopes());
            existing.siteScopes().forEach((site, s) -> siteScopes.put(site, new HashSet<>(s)));
        }
        List<String> productScopes = scopes.stream().filter(s -> !ACCOUNT_SCOPES.contains(s)).toList();
        for (String cloudId : cloudIds) siteScopes.computeIfAbsent(cloudId, k -> new HashSet<>()).addAll(productScopes);
        Grant grant = existing == null
                ? new Grant("grant-" + Secrets.hex(8), clientId, accountId, allScopes, siteScopes, now, null)
                : new Grant(existing.id(), clientId, accountId, allScopes, siteScopes, existing.createdAt(), null);
        UndoLog.put(grants, grant.id(), grant, this);
        return grant;
    }

    public synchronized AuthorizationCode issueCode(Grant grant, String redirectUri, List<String> scopes,
                                                    String codeChallenge, String codeChallengeMethod) {
        Instant now = clock.now();
        var code = new AuthorizationCode(Secrets.token(32), grant.id(), grant.clientId(), redirectUri, scopes,
                codeChallenge, codeChallengeMethod, now, now.plusSeconds(policy.get().authorizationCodeSeconds()), null);
        UndoLog.put(codes, code.code(), code, this);
        return code;
    }

    /**
     * Exchanges a code for tokens. The code is spent by the first attempt that reaches the checks on the
     * request itself, as RFC 6749 wants a code used at most once.
     */
    public synchronized Outcome<CodeRejection> redeem(String code, String clientId, String redirectUri,
                                                      String codeVerifier, boolean verifyPkce) {
        Instant now = clock.now();
        purgeIfDue(now);
        AuthorizationCode found = code == null ? null : codes.get(code);
        if (found == null) return new Outcome.Rejected<>(CodeRejection.UNKNOWN);
        if (found.usedAt() != null) return new Outcome.Rejected<>(CodeRejection.USED);
        if (!now.isBefore(found.expiresAt())) return new Outcome.Rejected<>(CodeRejection.EXPIRED);
        if (!found.clientId().equals(clientId)) return new Outcome.Rejected<>(CodeRejection.CLIENT_MISMATCH);
        UndoLog.put(codes, found.code(), found.markUsed(now), this);
        if (!found.redirectUri().equals(redirectUri)) return new Outcome.Rejected<>(CodeRejection.REDIRECT_MISMATCH);
        if (verifyPkce && !Pkce.verifies(found.codeChallenge(), found.codeChallengeMethod(), codeVerifier)) {
            return new Outcome.Rejected<>(CodeRejection.PKCE_MISMATCH);
        }
        Grant grant = grants.get(found.grantId());
        if (grant == null || grant.revoked()) return new Outcome.Rejected<>(CodeRejection.GRANT_REVOKED);
        RefreshToken refresh = null;
        if (found.scopes().contains(OFFLINE_ACCESS)) {
            refresh = newRefreshToken(grant, "family-" + Secrets.hex(8), found.scopes(), now, now);
        }
        return new Outcome.Issued<>(newPair(grant, refresh, found.scopes(), now));
    }

    /**
     * Consent, code and exchange in one step, as if the user had just approved in the browser: the same
     * records and lifetimes as the real flow, so nothing downstream can tell the difference.
     */
    public synchronized TokenPair issueDirect(String clientId, String accountId, List<String> scopes, Collection<String> cloudIds) {
        String redirect = "urn:jirasim:issued";
        Grant grant = consent(clientId, accountId, scopes, cloudIds);
        AuthorizationCode code = issueCode(grant, redirect, scopes, null, null);
        var outcome = redeem(code.code(), clientId, redirect, null, false);
        if (outcome instanceof Outcome.Issued<CodeRejection> issued) return issued.pair();
        throw new WorldException("the grant was refused: " + outcome);
    }

    // ---- refresh rotation -------------------------------------------------------------------------

    public synchronized Outcome<RefreshRejection> refresh(String token, String clientId) {
        Instant now = clock.now();
        purgeIfDue(now);
        AuthPolicy p = policy.get();
        RefreshToken presented = token == null ? null : refreshByToken.get(token);
        if (presented == null) return new Outcome.Rejected<>(RefreshRejection.UNKNOWN);
        Grant grant = grants.get(presented.grantId());
        if (!grant.clientId().equals(clientId)) return new Outcome.Rejected<>(RefreshRejection.CLIENT_MISMATCH);
        if (grant.revoked() || presented.revokedAt() != null) return new Outcome.Rejected<>(RefreshRejection.REVOKED);
        if (!now.isBefore(presented.issuedAt().plusSeconds(p.refreshInactivitySeconds()))) {
            return new Outcome.Rejected<>(RefreshRejection.INACTIVE);
        }
        if (!now.isBefore(presented.familyStartedAt().plusSeconds(p.refreshAbsoluteSeconds()))) {
            return new Outcome.Rejected<>(RefreshRejection.ABSOLUTE_EXPIRED);
        }
        if (presented.rotatedAt() != null && !now.isBefore(presented.rotatedAt().plusSeconds(p.refreshLeewaySeconds()))) {
            // Reuse outside the leeway looks like a stolen token: Atlassian revokes the whole grant.
            revokeGrantLocked(grant.id(), now);
            return new Outcome.Rejected<>(RefreshRejection.REUSED);
        }
        // Rotate whichever member of the family is current (the presented one, or on a retry inside the
        // leeway its successor), so a family never has two live heads.
        RefreshToken head = refreshByToken.get(newestByFamily.get(presented.familyId()));
        if (head != null && head.rotatedAt() == null && head.revokedAt() == null) UndoLog.put(refreshByToken, head.token(), head.rotate(now), this);
        RefreshToken next = newRefreshToken(grant, presented.familyId(), presented.scopes(), presented.familyStartedAt(), now);
        return new Outcome.Issued<>(newPair(grant, next, presented.scopes(), now));
    }

    // ---- authentication ----------------------------------------------------------------------------

    public synchronized Optional<Session> authenticate(String token) {
        Instant now = clock.now();
        purgeIfDue(now);
        AccessToken access = findAccess(token);
        if (access == null || access.revokedAt() != null) return Optional.empty();
        if (!now.isBefore(access.expiresAt())) return Optional.empty();
        Grant grant = grants.get(access.grantId());
        if (grant == null || grant.revoked()) return Optional.empty();
        if (access.refreshTokenId() != null) {
            RefreshToken companion = refreshByToken.get(refreshTokenById.get(access.refreshTokenId()));
            if (companion == null || companion.revokedAt() != null) return Optional.empty();
            if (companion.rotatedAt() != null
                    && !now.isBefore(companion.rotatedAt().plusSeconds(policy.get().refreshLeewaySeconds()))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Session(grant, access.token() != null ? access : withToken(access, token)));
    }

    /** The access token {@code token} is, or null. */
    private AccessToken findAccess(String token) {
        Object key = accessKey(token);
        return key == null ? null : accessByKey.get(key);
    }

    /**
     * The key in {@link #accessByKey} that {@code token} is stored under, or would be: a token minted here by its
     * signature (from the memo when it was checked lately), a token a world file brought by its value.
     */
    private Object accessKey(String token) {
        if (token == null) return null;
        var key = new TokenKey(token);
        JwtMinter.Signature signature = verified.get(key);
        if (signature != null && accessByKey.containsKey(signature)) return signature;
        if (accessByKey.containsKey(key)) return key;
        if (signature != null) return signature;
        signature = JwtMinter.verify(token);
        if (signature != null) verified.put(key, signature);
        return signature;
    }

    /** An access token as it leaves the store: with its JWT, minted again if it was stored without (see {@link #accessByKey}). */
    private AccessToken exported(AccessToken a) {
        if (a.token() != null) return a;
        Grant grant = grants.get(a.grantId());
        return withToken(a, JwtMinter.mint(a.id(), grant.clientId(), grant.accountId(), a.scopes(), a.issuedAt(), a.expiresAt()));
    }

    private static AccessToken withToken(AccessToken a, String token) {
        return new AccessToken(a.id(), token, a.grantId(), a.refreshTokenId(), a.scopes(), a.issuedAt(), a.expiresAt(), a.revokedAt());
    }

    // ---- purging -----------------------------------------------------------------------------------

    private void purgeIfDue(Instant now) {
        if (now.isBefore(nextPurge)) return;
        nextPurge = now.plus(PURGE_EVERY);
        purge(now);
    }

    /**
     * Drops what the simulated clock has made unable to change any answer, so a server that issues tokens for hours
     * does not fill its heap. Dropped: authorization codes past their expiry (a late or repeated exchange gets the
     * same {@code invalid_grant} as an unknown code); access tokens past {@code exp}, or whose refresh token was
     * rotated longer ago than the leeway (they stopped working then; an unknown token gets the same 401); refresh
     * tokens past their inactivity or absolute expiry (refused like an unknown one). Kept: a rotated refresh token
     * until its own inactivity expiry, because presenting it after the leeway revokes the whole grant, as Atlassian
     * does, and that needs the token; grants; and revoked tokens until they would have expired, so that
     * {@code GET /__admin/tokens} still shows a revocation. Returns how many were dropped.
     */
    synchronized int purge(Instant now) {
        AuthPolicy p = policy.get();
        int before = codes.size() + accessByKey.size() + refreshByToken.size();
        codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
        refreshByToken.values().removeIf(r -> !now.isBefore(r.issuedAt().plusSeconds(p.refreshInactivitySeconds()))
                || !now.isBefore(r.familyStartedAt().plusSeconds(p.refreshAbsoluteSeconds())));
        refreshTokenById.values().removeIf(t -> !refreshByToken.containsKey(t));
        newestByFamily.values().removeIf(t -> !refreshByToken.containsKey(t));
        accessByKey.values().removeIf(a -> {
            if (!now.isBefore(a.expiresAt())) return true;
            if (a.refreshTokenId() == null) return false;
            RefreshToken companion = refreshByToken.get(refreshTokenById.get(a.refreshTokenId()));
            return companion == null || companion.rotatedAt() != null
                    && !now.isBefore(companion.rotatedAt().plusSeconds(p.refreshLeewaySeconds()));
        });
        return before - codes.size() - accessByKey.size() - refreshByToken.size();
    }

    // ---- revocation --------------------------------------------------------------------------------

    public synchronized boolean revokeGrant(String grantId) {
        if (!grants.containsKey(grantId)) return false;
        revokeGrantLocked(grantId, clock.now());
        return true;
    }

    /** Revokes every grant of a user (by account id); returns how many. */
    public synchronized int revokeUser(String accountId) {
        Instant now = clock.now();
        var ids = grants.values().stream().filter(g -> g.accountId().equals(accountId) && !g.revoked()).map(Grant::id).toList();
        ids.forEach(id -> revokeGrantLocked(id, now));
        return ids.size();
    }

    /**
     * Revokes one token, given as its value or its id. A refresh token takes its companion access tokens
     * with it. Returns false when no such token exists.
     */
    public synchronized boolean revokeToken(String tokenOrId) {
        Instant now = clock.now();
        Object accessKey = accessKey(tokenOrId);
        if (accessKey == null || !accessByKey.containsKey(accessKey)) accessKey = accessKeyWithId(tokenOrId);
        if (accessKey != null && accessByKey.containsKey(accessKey)) {
            UndoLog.put(accessByKey, accessKey, accessByKey.get(accessKey).revoke(now), this);
            return true;
        }
        String refreshKey = refreshByToken.containsKey(tokenOrId) ? tokenOrId : refreshTokenById.get(tokenOrId);
        if (refreshKey == null) return false;
        RefreshToken refresh = refreshByToken.get(refreshKey).revoke(now);
        UndoLog.put(refreshByToken, refreshKey, refresh, this);
        UndoLog.replaceAll(accessByKey, t -> refresh.id().equals(t.refreshTokenId()) ? t.revoke(now) : t, this);
        return true;
    }

    /**
     * The key of the access token with this id, by a scan: revoking by id is a rare control call, and an index
     * would cost every token issued another map entry.
     */
    private Object accessKeyWithId(String id) {
        for (var e : accessByKey.entrySet()) {
            if (e.getValue().id().equals(id)) return e.getKey();
        }
        return null;
    }

    private void revokeGrantLocked(String grantId, Instant now) {
        Grant grant = grants.get(grantId);
        if (grant != null) UndoLog.put(grants, grantId, grant.revoke(now), this);
        UndoLog.replaceAll(refreshByToken, t -> t.grantId().equals(grantId) ? t.revoke(now) : t, this);
        UndoLog.replaceAll(accessByKey, t -> t.grantId().equals(grantId) ? t.revoke(now) : t, this);
    }

    // ---- snapshot and load -------------------------------------------------------------------------

    public synchronized TokenState snapshot() {
        purgeIfDue(clock.now());
        return new TokenState(
                sorted(grants.values(), Comparator.comparing(Grant::createdAt).thenComparing(Grant::id)),
                sorted(codes.values(), Comparator.comparing(AuthorizationCode::issuedAt).thenComparing(AuthorizationCode::code)),
                sorted(accessByKey.values().stream().map(this::exported).toList(), Comparator.comparing(AccessToken::issuedAt).thenComparing(AccessToken::id)),
                sorted(refreshByToken.values(), Comparator.comparing(RefreshToken::issuedAt).thenComparing(RefreshToken::id)));
    }

    synchronized void load(TokenState state) {
        state.grants().forEach(g -> grants.put(g.id(), g));
        state.codes().forEach(c -> codes.put(c.code(), c));
        state.accessTokens().forEach(t -> putAccess(new TokenKey(t.token()), t));
        state.refreshTokens().forEach(this::putRefresh);
    }

    /**
     * An access token as a map key: equal only to the same token, but hashed over its last characters. An access
     * token is a JWT of several hundred characters that every API request presents as a new string, so hashing all
     * of it was a measurable part of a request; its signature at the end already differs from token to token.
     */
    private static final class TokenKey {
        private static final int HASHED = 32;
        private final String token;
        /** Computed once: a request looks its key up in more than one map. */
        private final int hash;

        TokenKey(String token) {
            this.token = token;
            int h = 0;
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) h = 31 * h + token.charAt(i);
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TokenKey k && k.hash == hash && k.token.equals(token);
        }
    }

    private static <T> List<T> sorted(Collection<T> values, Comparator<T> order) {
        var list = new ArrayList<>(values);
        list.sort(order);
        return List.copyOf(list);
    }

    private RefreshToken newRefreshToken(Grant grant, String familyId, List<String> scopes, Instant familyStart, Instant now) {
        var token = new RefreshToken("rt-" + Secrets.hex(8), Secrets.token(48), grant.id(), familyId, scopes, familyStart, now, null, null);
        putRefresh(token);
        return token;
    }

    private TokenPair newPair(Grant grant, RefreshToken refresh, List<String> scopes, Instant now) {
        long lifetime = policy.get().accessTokenSeconds();
        Instant expires = now.plus(Duration.ofSeconds(lifetime));
        String id = "at-" + Secrets.hex(8);
        var minted = JwtMinter.mintSigned(id, grant.clientId(), grant.accountId(), scopes, now, expires);
        var stored = new AccessToken(id, null, grant.id(), refresh == null ? null : refresh.id(), scopes, now, expires, null);
        putAccess(minted.signature(), stored);
        return new TokenPair(withToken(stored, minted.token()), refresh, scopes, lifetime);
    }

    private void putAccess(Object key, AccessToken token) {
        UndoLog.put(accessByKey, key, token, this);
    }


    private void putRefresh(RefreshToken token) {
        UndoLog.put(refreshByToken, token.token(), token, this);
        UndoLog.put(refreshTokenById, token.id(), token.token(), this);
        // The family's head: a live token beats a rotated one, then the later issue wins (a tie: the later put).
        RefreshToken current = refreshByToken.get(newestByFamily.get(token.familyId()));
        boolean live = token.rotatedAt() == null && token.revokedAt() == null;
        boolean currentLive = current != null && current.rotatedAt() == null && current.revokedAt() == null;
        if (current == null || (live && !currentLive) || (live == currentLive && !token.issuedAt().isBefore(current.issuedAt()))) {
            UndoLog.put(newestByFamily, token.familyId(), token.token(), this);
        }
    }
}
