package dev.jirasim.simulator.control;

import dev.jirasim.simulator.webhooks.DeliveryFault;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /__admin/webhooks}: the webhook deliveries this world's simulator made (see docs/webhooks.md).
 * <pre>
 *   GET    /__admin/webhooks/deliveries   every attempt, oldest first: {"deliveries": [...]}
 *   DELETE /__admin/webhooks/deliveries   forgets them (retries still due are still sent)
 *   POST   /__admin/webhooks/await-idle   {"timeoutMs": N}: waits until none is in flight → {"idle": true|false}
 *   POST   /__admin/webhooks/faults       {"kind": "duplicate|delay|reorder", "url"?, "seconds"?, "times"?} → 201, the fault
 *   GET    /__admin/webhooks/faults       {"faults": [...]}
 *   DELETE /__admin/webhooks/faults       removes them
 * </pre>
 */
final class WebhookAdminRoutes {
    /** A wait is bounded so that a call cannot hold a server thread for long. */
    static final long MAX_WAIT_MS = 60_000;
    private final Supplier<SimulatorControl> control;

    WebhookAdminRoutes(Supplier<SimulatorControl> control) {
        this.control = control;
    }

    record AwaitRequest(Long timeoutMs) {
    }

    void addTo(RoutesConfig routes) {
        routes.get("/__admin/webhooks/deliveries", ctx -> ctx.json(Map.of("deliveries", control.get().webhookDeliveries())));
        routes.delete("/__admin/webhooks/deliveries", this::clear);
        routes.post("/__admin/webhooks/await-idle", this::awaitIdle);
        routes.post("/__admin/webhooks/faults", this::addFault);
        routes.get("/__admin/webhooks/faults", ctx -> ctx.json(Map.of("faults", control.get().webhookFaults())));
        routes.delete("/__admin/webhooks/faults", ctx -> {
            control.get().clearWebhookFaults();
            ctx.status(204);
        });
    }

    private void addFault(Context ctx) {
        DeliveryFault fault = AdminRoutes.read(ctx, DeliveryFault.class);
        if (fault.id() != null) throw AdminErrors.badRequest("'id' is given by the simulator.");
        ctx.status(201).json(control.get().addWebhookFault(fault));
    }

    private void clear(Context ctx) {
        control.get().clearWebhookDeliveries();
        ctx.status(204);
    }

    private void awaitIdle(Context ctx) {
        var body = AdminRoutes.read(ctx, AwaitRequest.class);
        if (body.timeoutMs() == null || body.timeoutMs() < 0 || body.timeoutMs() > MAX_WAIT_MS) {
            throw AdminErrors.badRequest("'timeoutMs' must be a number of milliseconds from 0 to " + MAX_WAIT_MS + ".");
        }
        ctx.json(Map.of("idle", control.get().awaitWebhooksIdle(Duration.ofMillis(body.timeoutMs()))));
    }
}
