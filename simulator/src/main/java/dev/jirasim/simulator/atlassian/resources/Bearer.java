package dev.jirasim.simulator.atlassian.resources;

import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.World;

/** The gateway's bearer-token check: one place, so every API route fails the same way. */
public final class Bearer {
    private Bearer() {
    }

    public static TokenStore.Session authenticate(World world, String authorization) {
        if (authorization == null) throw GatewayErrors.unauthorized();
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) throw GatewayErrors.unauthorized();
        return world.tokens().authenticate(parts[1].trim()).orElseThrow(GatewayErrors::unauthorized);
    }

    public static void requireScope(TokenStore.Session session, String scope) {
        if (!session.hasScope(scope)) throw GatewayErrors.scopeMismatch();
    }
}
