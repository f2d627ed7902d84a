package dev.jirasim.simulator;

import dev.jirasim.simulator.world.WorldFile;

/**
 * The worlds a server holds. Today one default tenant serves the bare URL map; the world model is one object
 * per tenant so that isolated tenants for parallel tests slot in here.
 */
public final class Tenants {
    public static final String DEFAULT = "default";
    private final Tenant defaultTenant;

    public Tenants(WorldFile seed) {
        this.defaultTenant = new Tenant(DEFAULT, seed);
    }

    public Tenant defaultTenant() {
        return defaultTenant;
    }
}
