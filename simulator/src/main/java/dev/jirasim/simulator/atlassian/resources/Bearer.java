package dev.jirasim.simulator.atlassian.resources;

import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.World;

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

    public static void requireScope(TokenStore.Session session, String scope) {
        if (!session.hasScope(scope)) throw GatewayErrors.scopeMismatch();
    }
}
