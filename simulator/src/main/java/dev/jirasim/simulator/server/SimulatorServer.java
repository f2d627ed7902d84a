package dev.jirasim.simulator.server;

import dev.jirasim.simulator.atlassian.auth.AuthRoutes;
import dev.jirasim.simulator.atlassian.resources.ApiRoutes;
import dev.jirasim.simulator.common.ErrorShape;
import dev.jirasim.simulator.common.Lazy;
import dev.jirasim.simulator.common.Limits;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.control.AdminRoutes;
import dev.jirasim.simulator.control.TenantAdminRoutes;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.tenant.CurrentTenant;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.tenant.Tenants;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Javalin assembly only: the fault filter, routes of each emulated host, error mapping, the request log and journal. */
public final class SimulatorServer {
    // Made at first use: the command line configures logging in parallel with assembling the server (a good part of
    // a cold start each), and asking for a logger waits until logging is configured.
    private static final Lazy<Logger> REQUESTS = Lazy.of(() -> LoggerFactory.getLogger("jirasim.requests"));
    private static final Lazy<Logger> ERRORS = Lazy.of(() -> LoggerFactory.getLogger(SimulatorServer.class));
    /** The raw request body, put here once by {@link RequestGate}, so the journal can keep a masked copy. */
    public static final String BODY_ATTRIBUTE = "jirasim.body";

    private final Javalin app;
    private volatile Runnable onChange = () -> { };
    private volatile org.eclipse.jetty.server.Server jetty;
    private volatile org.eclipse.jetty.server.LocalConnector local;
    private IndexedRouter router;

    /** Where to listen, and the control API's token (null: none). */
    public record Binding(String host, int port, String adminToken, boolean noAdmin) {
    }

    public SimulatorServer(Binding config, Supplier<Tenants> tenants) {
        this(config, tenants, () -> true);
    }

    /** {@code ready} says whether the world has been loaded: {@code GET /__admin/health} answers 503 until it has. */
    public SimulatorServer(Binding config, Supplier<Tenants> tenants, java.util.function.BooleanSupplier ready) {
        // Both resolve the tenant of the request on the current thread (see TenantRouting).
        Supplier<Tenant> tenant = () -> {
            String id = CurrentTenant.id();
            return tenants.get().get(id).orElseThrow(() -> new Problem(404, "not_found",
                    "No tenant '" + id + "' on this server. Create it with POST /__admin/tenants."));
        };
        Supplier<String> publicUrl = () -> tenants.get().urlOf(CurrentTenant.id());
        this.app = Javalin.create(c -> configure(c, config, tenants, tenant, publicUrl, ready));
    }

    private void configure(JavalinConfig c, Binding config, Supplier<Tenants> tenants, Supplier<Tenant> tenant, Supplier<String> publicUrl,
                           java.util.function.BooleanSupplier ready) {
        // Before any route is added: every route goes into the indexed router (see IndexedRouter).
        c.unsafe.internalRouter = router = new IndexedRouter(c.unsafe);
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.jetty.host = config.host();
        c.jetty.port = config.port();
        c.http.maxRequestSize = Limits.MAX_REQUEST_BYTES;
        // Javalin copies every answer through a new buffer of this size (32 KB by default, Jetty's output buffer):
        // most of the simulator's answers are a few KB, and the default made half of what a request allocated.
        c.http.responseBufferSize = 8 * 1024;
        // Multipart bodies (attachment uploads) bypass maxRequestSize; Jetty stops reading them past this.
        c.jetty.multipartConfig.maxTotalRequestSize(Limits.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
        c.jsonMapper(new DeferredJsonMapper());
        c.jetty.modifyServer(server -> this.jetty = server);
        c.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new TenantRouting()), "/*", EnumSet.of(DispatcherType.REQUEST)));
        if (config.noAdmin()) c.routes.before(AdminGuard.NONE);
        var session = new AdminSession(config.adminToken());
        if (!config.noAdmin() && config.adminToken() != null) c.routes.before(new AdminGuard(config.adminToken(), session));
        // First of all before-handlers (after the admin guard), so an injected fault wins over every route and route-level limit.
        c.routes.before(new FaultFilter(ctx -> tenant.get().faults(), path -> Hosts.of(path).shape()));
        c.routes.before(new RequestGate());
        // Before anything that needs the world: a probe must not wait for it, only learn whether it is there.
        c.routes.get(Health.PATH, ctx -> Health.answer(ctx, ready.getAsBoolean()));
        new AuthRoutes(tenant).addTo(c.routes);
        new ApiRoutes(tenant, publicUrl).addTo(c.routes);
        new AdminRoutes(tenant, publicUrl).addTo(c.routes);
        new TenantAdminRoutes(tenants).addTo(c.routes);
        var dashboard = new dev.jirasim.simulator.control.DashboardRoutes(tenant, publicUrl, tenants, session, config.noAdmin());
        dashboard.addTo(c.routes);
        // Browsers get the dashboard; clients (and curl, which accepts anything) keep the JSON index.
        c.routes.get("/", ctx -> {
            if (dev.jirasim.simulator.control.DashboardRoutes.wantsPage(ctx)) dashboard.page(ctx, Index.hosts(publicUrl.get()));
            else ctx.json(Index.of(publicUrl.get()));
        });
        c.routes.exception(Problem.class, (e, ctx) -> writeError(ctx, e.status(), e.code(), e.getMessage(), e));
        new dev.jirasim.simulator.jira.cloud.JiraRoutes(tenant, publicUrl).addTo(c.routes);
        // Simulated Nango reaches the simulated providers over real HTTP on loopback, inside the same tenant.
        Supplier<String> internalUrl = () -> "http://" + loopback(config.host()) + ":" + app.port()
                + (CurrentTenant.id() == null ? "" : "/t/" + CurrentTenant.id());
        new dev.jirasim.simulator.control.DebuggerRoutes(tenant, publicUrl, internalUrl, session).addTo(c.routes);
        new dev.jirasim.simulator.dc.DcRoutes(tenant, publicUrl).addTo(c.routes);
        var upstream = new LocalUpstream(() -> local, () -> "http://" + loopback(config.host()) + ":" + app.port(), new HttpUpstream());
        new dev.jirasim.simulator.nango.NangoRoutes(tenant, publicUrl, internalUrl, upstream).addTo(c.routes);
        c.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, e.getStatus(),
                dev.jirasim.simulator.common.ErrorShape.codeFor(e.getStatus()), describe(e), null));
        // A body in a charset Java does not know cannot be read: the client's mistake, not ours.
        c.routes.exception(java.nio.charset.UnsupportedCharsetException.class, (e, ctx) -> writeError(ctx, 415, "unsupported_media_type",
                "Unsupported charset '" + e.getCharsetName() + "' in Content-Type.", null));
        c.routes.exception(java.nio.charset.IllegalCharsetNameException.class, (e, ctx) -> writeError(ctx, 415, "unsupported_media_type",
                "Illegal charset name in Content-Type.", null));
        c.routes.exception(Exception.class, (e, ctx) -> {
            // Whatever the failed request changed goes back: an answer with an error never leaves a change behind.
            int undone = dev.jirasim.simulator.world.UndoLog.rollback();
            // Jetty's verdict on an unreadable request (a broken multipart body, say) wrapped on the way up.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.eclipse.jetty.http.BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                    writeError(ctx, bad.getCode(), ErrorShape.codeFor(bad.getCode()), "The request could not be read: "
                            + (bad.getReason() == null ? "malformed" : bad.getReason()) + ".", null);
                    return;
                }
            }
            if (RequestGate.unreadable(e)) {
                writeError(ctx, 400, "invalid_request", "The request body could not be read: its framing is broken.", null);
                return;
            }
            ERRORS.get().error("Unexpected failure on {} {} ({} changes undone)", ctx.method(), Redact.path(ctx.path()), undone, e);
            writeError(ctx, 500, "server_error", "Internal server error", null);
        });
        c.requestLogger.http((ctx, ms) -> {
            if (!ready.getAsBoolean()) {
                // Only the health probe is answered before the world exists; there is no journal to write to yet.
                REQUESTS.get().info("{} {} {} {}ms (starting)", ctx.method(), Redact.path(ctx.path()), ctx.statusCode(), Math.round(ms));
                return;
            }
            if (CurrentTenant.id() == null && mayChange(ctx)) onChange.run();
            Tenant t = tenants.get().get(CurrentTenant.id()).orElse(null);
            if (t != null) {
                try {
                    record(ctx, ms, t);
                } catch (RuntimeException | StackOverflowError e) {
                    // The answer has gone out already; a journal failure must never turn it into something else.
                    ERRORS.get().error("Could not journal {} {}", ctx.method(), Redact.path(ctx.path()), e);
                }
            } else REQUESTS.get().info("{} {} {} {}ms tenant={} (unknown)", ctx.method(), Redact.path(ctx.path()), ctx.statusCode(), Math.round(ms), CurrentTenant.id());
        });
    }

    /** Requests that can change the default world: every write, and Nango reads (they may refresh credentials). */
    private static boolean mayChange(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) || ctx.path().startsWith("/nango/");
    }

    /** Told after each request that may have changed the default world (the state file listens). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    private static String loopback(String host) {
        return host == null || host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1"
                : host.contains(":") ? "[" + host + "]" : host;
    }

    private static String describe(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "No such endpoint: " + e.getMessage().replaceFirst("^Endpoint ", "").replaceFirst(" not found$", "");
            case 413 -> "Request body is larger than " + Limits.MAX_REQUEST_BYTES + " bytes.";
            default -> e.getMessage();
        };
    }

    private static void writeError(Context ctx, int status, String code, String message, Problem problem) {
        ctx.status(status);
        if (problem != null) problem.headers().forEach(ctx::header);
        if (problem != null && problem.body() != null) {
            ctx.json(problem.body());
            problem.headers().forEach(ctx::header); // again: a problem's own Content-Type beats the JSON default
            return;
        }
        var shape = problem != null && problem.shape() != null ? problem.shape() : Hosts.of(ctx.path()).shape();
        ctx.json(shape.body(status, code, message));
    }

    private static void record(Context ctx, float ms, Tenant tenant) {
        int status = ctx.statusCode();
        REQUESTS.get().info("{} {} {} {}ms tenant={}", ctx.method(), Redact.path(ctx.path()), status, Math.round(ms), tenant.id());
        if (Hosts.of(ctx.path()) == Hosts.ADMIN) return;
        var headers = new LinkedHashMap<String, String>();
        // Every header, so tests can verify on any of them; credentials keep only a recognisable prefix.
        // Read from the servlet request: Javalin's headerMap() would build a map of its own first.
        for (var names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.put(name, Redact.header(name, ctx.req().getHeader(name)));
        }
        String body = ctx.attribute(BODY_ATTRIBUTE);
        var journal = tenant.journal();
        journal.add(new JournalEntry(journal.nextSeq(), tenant.clock().now(), ctx.method().name(), ctx.path(),
                Redact.form(ctx.queryString()), headers, Redact.body(body), status, Math.round(ms),
                ctx.attribute(FaultFilter.FAULT_ATTRIBUTE)));
    }

    /** The server's router, for tests that compare its choices with Javalin's own. */
    IndexedRouter router() {
        return router;
    }

    public SimulatorServer start() {
        app.start();
        // Added once the server runs: Javalin takes its port from the first connector, which must stay the socket's.
        // Simulated Nango reaches the simulated providers through this one, in memory (see LocalUpstream).
        var connector = new org.eclipse.jetty.server.LocalConnector(jetty);
        try {
            jetty.addConnector(connector);
            if (!connector.isStarted()) connector.start();
            local = connector;
        } catch (Exception e) {
            ERRORS.get().warn("No in-memory connector ({}): simulated Nango will reach the providers over loopback HTTP", e.toString());
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Stops at once (tests and embedded use: idle keep-alive connections must not hold it up). */
    public void stop() {
        app.stop();
    }

    /**
     * Stops accepting and lets requests in flight finish, up to {@code timeoutMs}, before closing (SIGTERM).
     */
    public void stopGracefully(long timeoutMs) {
        if (jetty != null) jetty.setStopTimeout(timeoutMs);
        app.stop();
    }
}
