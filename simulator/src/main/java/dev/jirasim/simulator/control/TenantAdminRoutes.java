package dev.jirasim.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.tenant.CurrentTenant;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.tenant.Tenants;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tenant registry over HTTP, on the bare control API only (not under {@code /t/{id}}):
 * <pre>
 *   GET    /__admin/tenants         {"tenants": [{"id", "baseUrl"}…]}
 *   POST   /__admin/tenants         {"id"?, "world"?} → 201 {"id", "baseUrl"}; the server's world when none given
 *   DELETE /__admin/tenants/{id}    204, or 404
 * </pre>
 * Each tenant's own control API is {@code /t/{id}/__admin/…}.
 */
public final class TenantAdminRoutes {
    private final Supplier<Tenants> tenants;

    public TenantAdminRoutes(Supplier<Tenants> tenants) {
        this.tenants = tenants;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/__admin/tenants", this::list);
        routes.post("/__admin/tenants", this::create);
        routes.delete("/__admin/tenants/{id}", this::remove);
    }

    private void list(Context ctx) {
        onlyAtTheRoot();
        ctx.json(Map.of("tenants", tenants.get().ids().stream().map(this::describe).toList()));
    }

    private void remove(Context ctx) {
        onlyAtTheRoot();
        if (!removed(ctx.pathParam("id"))) throw AdminErrors.notFound("No tenant '" + ctx.pathParam("id") + "'.");
        ctx.status(204);
    }

    private void create(Context ctx) {
        onlyAtTheRoot();
        String text = ctx.body();
        JsonNode body;
        try {
            body = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw AdminErrors.badRequest("The body must be a JSON object: {\"id\"?: \"…\", \"world\"?: {…}}.");
        }
        if (body == null || !body.isObject()) throw AdminErrors.badRequest("The body must be a JSON object: {\"id\"?: \"…\", \"world\"?: {…}}.");
        JsonNode id = body.get("id");
        if (id != null && !id.isNull() && !id.isTextual()) throw AdminErrors.badRequest("'id' must be a string.");
        String chosen = id == null || id.isNull() ? null : id.asText();
        Tenants registry = tenants.get();
        Tenant tenant;
        try {
            JsonNode world = body.get("world");
            if (world == null || world.isNull()) {
                tenant = registry.create(chosen);
            } else {
                if (!world.isObject()) throw AdminErrors.badRequest("'world' must be a world file as a JSON object.");
                // ${publicUrl} in the file means this tenant's base URL; the id must be known to build it.
                String named = chosen == null ? Tenants.newId() : chosen;
                WorldFile file = WorldFiles.parse(world.toString(), registry.urlOf(named));
                tenant = registry.create(named, file);
            }
        } catch (Tenants.TenantException e) {
            throw new Problem(e.status(), e.status() == 409 ? "conflict" : "bad_request", e.getMessage());
        } catch (WorldException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        ctx.status(201).json(describe(tenant.id()));
    }

    private boolean removed(String id) {
        try {
            return tenants.get().remove(id);
        } catch (Tenants.TenantException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
    }

    private Map<String, Object> describe(String id) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("baseUrl", tenants.get().urlOf(id));
        return m;
    }

    /** A tenant cannot manage its siblings: the registry belongs to the server's own control API. */
    private static void onlyAtTheRoot() {
        if (CurrentTenant.id() != null) {
            throw AdminErrors.notFound("Tenants are managed at /__admin/tenants, not inside a tenant.");
        }
    }

}
