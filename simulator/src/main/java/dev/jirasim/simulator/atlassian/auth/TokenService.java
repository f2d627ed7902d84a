package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.control.IssuedTokens;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.TokenStore.CodeRejection;
import dev.jirasim.simulator.world.TokenStore.Outcome;
import dev.jirasim.simulator.world.World;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code POST /oauth/token}: one small handler per grant type, client authentication first. */
public final class TokenService {

    public IssuedTokens exchange(World world, TokenRequest request) {
        if (request.grantType() == null) throw AuthErrors.missing("grant_type");
        return switch (request.grantType()) {
            case "authorization_code" -> authorizationCode(world, request);
            case "refresh_token" -> refreshToken(world, request);
            default -> throw AuthErrors.unsupportedGrantType(request.grantType());
        };
    }

    private IssuedTokens authorizationCode(World world, TokenRequest request) {
        OAuthApp app = authenticateClient(world, request);
        if (request.code() == null) throw AuthErrors.missing("code");
        if (request.redirectUri() == null) throw AuthErrors.missing("redirect_uri");
        Outcome<CodeRejection> outcome = world.tokens().redeem(request.code(), app.clientId(), request.redirectUri(),
                request.codeVerifier(), app.pkce() == OAuthApp.PkceMode.VERIFY);
        if (outcome instanceof Outcome.Issued<CodeRejection> issued) return IssuedTokens.of(issued.pair(), null);
        throw switch (((Outcome.Rejected<CodeRejection>) outcome).reason()) {
            case REDIRECT_MISMATCH -> AuthErrors.redirectMismatch();
            case PKCE_MISMATCH -> AuthErrors.pkceMismatch();
            default -> AuthErrors.invalidCode();
        };
    }

    private IssuedTokens refreshToken(World world, TokenRequest request) {
        OAuthApp app = authenticateClient(world, request);
        if (request.refreshToken() == null) throw AuthErrors.missing("refresh_token");
        Outcome<TokenStore.RefreshRejection> outcome = world.tokens().refresh(request.refreshToken(), app.clientId());
        if (outcome instanceof Outcome.Issued<TokenStore.RefreshRejection> issued) return IssuedTokens.of(issued.pair(), null);
        throw AuthErrors.invalidRefreshToken();
    }

    private OAuthApp authenticateClient(World world, TokenRequest request) {
        if (request.clientId() == null) throw AuthErrors.missing("client_id");
        OAuthApp app = world.app(request.clientId()).orElseThrow(AuthErrors::unauthorizedClient);
        if (request.clientSecret() == null) throw AuthErrors.missing("client_secret");
        if (!MessageDigest.isEqual(app.clientSecret().getBytes(StandardCharsets.UTF_8),
                request.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw AuthErrors.unauthorizedClient();
        }
        return app;
    }
}
