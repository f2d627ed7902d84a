package dev.jirasim.simulator.atlassian.resources;

import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.World;
import java.util.Set;

/** The gateway's bearer-token check: one place, so every API route fails the same way. */
public final class Bearer {
    private Bearer() {
    }

    public static TokenStore.Session authenticate(World world, String authorization) {
        if (authorization == null) throw GatewayErrors.unauthorized();
        String[] parts = Redact.schemeAndCredential(authorization);
        if (parts == null || !parts[0].equalsIgnoreCase("Bearer")) throw GatewayErrors.unauthorized();
        return world.tokens().authenticate(parts[1]).orElseThrow(GatewayErrors::unauthorized);
    }

    /** The token's account-wide scopes must satisfy {@code scope} (routes that are not about one site, such as /me). */
    public static void requireScope(TokenStore.Session session, RequiredScope scope) {
        check(session.grant().scopes(), scope);
    }

    /** The scopes the token holds on the site {@code cloudId} must satisfy {@code scope}. */
    public static void requireScope(TokenStore.Session session, String cloudId, RequiredScope scope) {
        check(session.grant().siteScopes().getOrDefault(cloudId, Set.of()), scope);
    }

    /** A missing scope is the gateway's 401, never a 403 (reference §5.3). */
    private static void check(Set<String> held, RequiredScope scope) {
        if (!scope.grantedBy(held)) throw GatewayErrors.scopeMismatch();
    }
}
