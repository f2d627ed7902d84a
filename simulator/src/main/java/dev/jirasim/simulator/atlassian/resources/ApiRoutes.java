package dev.jirasim.simulator.atlassian.resources;

import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.Grant;
import dev.jirasim.simulator.world.TokenStore;
import dev.jirasim.simulator.world.World;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * api.atlassian.com under {@code /api}:
 * <pre>
 *   GET /api/oauth/token/accessible-resources   the sites the token's grant covers, with their scopes
 *   GET /api/me                                 the user's profile; needs read:me
 * </pre>
 */
public final class ApiRoutes {
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;

    public ApiRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
    }

    private static final RequiredScope READ_ME = RequiredScope.of("read:me");

    public void addTo(RoutesConfig routes) {
        routes.get("/api/oauth/token/accessible-resources", this::accessibleResources);
        routes.get("/api/me", this::me);
    }

    private void accessibleResources(Context ctx) {
        World world = tenant.get().world();
        TokenStore.Session session = Bearer.authenticate(world, ctx.header("Authorization"));
        Grant grant = session.grant();
        var resources = new ArrayList<AccessibleResource>();
        grant.siteScopes().forEach((cloudId, scopes) -> world.site(cloudId).ifPresent(site -> resources.add(new AccessibleResource(
                site.cloudId(), world.siteUrl(site, publicUrl.get()), site.name(), new ArrayList<>(scopes), site.avatarUrl()))));
        ctx.json(world.accessibleOrder(resources));
    }

    private void me(Context ctx) {
        World world = tenant.get().world();
        TokenStore.Session session = Bearer.authenticate(world, ctx.header("Authorization"));
        Bearer.requireScope(session, READ_ME);
        ctx.json(Me.of(world.user(session.grant().accountId()).orElseThrow(GatewayErrors::unauthorized)));
    }
}
