package dev.jirasim.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Lazy;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRuleReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /__admin/faults}: fault rules in and out as JSON (see docs/faults.md). */
final class FaultAdminRoutes {
    /** Made at first use, not while the routes are assembled on the way to a cold start's first answer. */
    private static final Lazy<FaultRuleReader> READER = Lazy.of(() -> new FaultRuleReader(Json.MAPPER));
    private final Supplier<SimulatorControl> control;

    FaultAdminRoutes(Supplier<SimulatorControl> control) {
        this.control = control;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/__admin/faults", this::add);
        routes.get("/__admin/faults", ctx -> ctx.json(listed(control.get().faults())));
        routes.delete("/__admin/faults", this::clear);
        routes.get("/__admin/faults/{id}", this::get);
        routes.delete("/__admin/faults/{id}", this::remove);
    }

    private void clear(Context ctx) {
        control.get().clearFaults();
        ctx.status(204);
    }

    private void get(Context ctx) {
        ctx.json(control.get().faults().stream().filter(f -> f.id().equals(ctx.pathParam("id"))).findFirst()
                .orElseThrow(() -> noSuchFault(ctx)));
    }

    private void remove(Context ctx) {
        if (!control.get().removeFault(ctx.pathParam("id"))) throw noSuchFault(ctx);
        ctx.status(204);
    }

    private void add(Context ctx) {
        JsonNode json = AdminRoutes.read(ctx, JsonNode.class);
        List<Fault> added;
        try {
            added = control.get().addFaults(READER.get().read(json));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("Invalid fault: " + e.getMessage());
        }
        ctx.status(201).json(listed(added));
    }

    private static Map<String, List<Fault>> listed(List<Fault> faults) {
        return Map.of("faults", faults);
    }

    private static RuntimeException noSuchFault(Context ctx) {
        return AdminErrors.notFound("No such fault: " + ctx.pathParam("id"));
    }
}
