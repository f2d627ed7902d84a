package dev.jirasim.simulator.world;

import java.util.List;

/** Every grant, code and token of a world, as written to and read from a world file. */
public record TokenState(
        List<Grant> grants,
        List<AuthorizationCode> codes,
        List<AccessToken> accessTokens,
        List<RefreshToken> refreshTokens) {

    public static final TokenState EMPTY = new TokenState(List.of(), List.of(), List.of(), List.of());

    public TokenState {
        grants = grants == null ? List.of() : List.copyOf(grants);
        codes = codes == null ? List.of() : List.copyOf(codes);
        accessTokens = accessTokens == null ? List.of() : List.copyOf(accessTokens);
        refreshTokens = refreshTokens == null ? List.of() : List.copyOf(refreshTokens);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return grants.isEmpty() && codes.isEmpty() && accessTokens.isEmpty() && refreshTokens.isEmpty();
    }
}
