package dev.jirasim.simulator.control;

import dev.jirasim.simulator.world.NangoSettings;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * {@code /__admin/nango}: the simulated Nango environment's webhook settings (see docs/nango.md).
 * <pre>
 *   GET  /__admin/nango/webhooks              {"primaryUrl", "secondaryUrl", "onAuthCreation", …} (every toggle written out)
 *   PUT  /__admin/nango/webhooks              the same shape; a toggle left out takes Nango's default → the settings now
 *   GET  /__admin/nango/webhook-signing-key   {"webhookSigningKey": "…"}
 * </pre>
 */
final class NangoAdminRoutes {
    private final Supplier<SimulatorControl> control;

    NangoAdminRoutes(Supplier<SimulatorControl> control) {
        this.control = control;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/__admin/nango/webhooks", ctx -> ctx.json(control.get().nangoWebhooks()));
        routes.put("/__admin/nango/webhooks", this::setWebhooks);
        routes.get("/__admin/nango/webhook-signing-key", this::signingKey);
    }

    private void setWebhooks(Context ctx) {
        control.get().nangoWebhooks(AdminRoutes.read(ctx, NangoSettings.Webhooks.class));
        ctx.json(control.get().nangoWebhooks());
    }

    private void signingKey(Context ctx) {
        var body = new LinkedHashMap<String, Object>();
        body.put("webhookSigningKey", control.get().nangoWebhookSigningKey());
        ctx.json(body);
    }
}
