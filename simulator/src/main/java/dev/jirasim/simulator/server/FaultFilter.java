package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.faults.FaultOutcome;
import dev.jirasim.simulator.faults.Faults;
import dev.jirasim.simulator.faults.RateLimiter;
import dev.jirasim.simulator.tenant.CurrentTenant;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The before-handler that applies a tenant's {@link Faults} to every request outside {@code /__admin}. A
 * delay is asynchronous (the request is parked on a timer, no server thread waits), then the request is
 * answered by the fault or goes on to its route. The answered request is journaled like any other, with the
 * fault's id.
 */
public final class FaultFilter implements Handler {
    /** The id of the fault that touched a request, for the journal. */
    public static final String FAULT_ATTRIBUTE = "jirasim.fault";
    private static final String ADMIN = "/__admin";

    private final Function<Context, Faults> faults;
    private final Function<String, ErrorShape> shapes;

    /**
     * @param faults the faults of the request's tenant
     * @param shapes the error shape of the host a path belongs to, for rules without a body
     */
    public FaultFilter(Function<Context, Faults> faults, Function<String, ErrorShape> shapes) {
        this.faults = faults;
        this.shapes = shapes;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (path.equals(ADMIN) || path.startsWith(ADMIN + "/")) return;
        faults.apply(ctx).apply(ctx.method().name(), path).ifPresent(outcome -> {
            ctx.attribute(FAULT_ATTRIBUTE, outcome.faultId());
            if (outcome.delayMs() > 0) {
                // The request resumes on a timer thread: carry its tenant over, or it would land in the default world.
                String tenantId = CurrentTenant.id();
                var done = new CompletableFuture<Void>();
                ctx.future(() -> done);
                CompletableFuture.delayedExecutor(outcome.delayMs(), TimeUnit.MILLISECONDS).execute(() ->
                        CurrentTenant.runAs(tenantId, () -> {
                            try {
                                finish(ctx, outcome);
                                done.complete(null);
                            } catch (RuntimeException e) {
                                done.completeExceptionally(e);
                            }
                        }));
            } else {
                finish(ctx, outcome);
            }
        });
    }

    private void finish(Context ctx, FaultOutcome outcome) {
        if (!outcome.answers()) {
            outcome.headers().forEach(ctx::header);
            return;
        }
        int status = outcome.status();
        Object body = outcome.body();
        if (body == null && status >= 400) body = shapes.apply(ctx.path()).body(status, codeFor(status), messageFor(status));
        write(ctx, status, body, outcome.headers());
    }

    /** Answers the request here: status, JSON body (if any), headers; the route and later handlers are skipped. */
    static void write(Context ctx, int status, Object body, Map<String, String> headers) {
        ctx.skipRemainingHandlers();
        ctx.status(status);
        if (body != null) ctx.json(body);
        headers.forEach(ctx::header);
    }

    private static String codeFor(int status) {
        return status == 429 ? "too_many_requests" : ErrorShape.codeFor(status);
    }

    private static String messageFor(int status) {
        if (status == 429) return RateLimiter.MESSAGE;
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
    }
}
