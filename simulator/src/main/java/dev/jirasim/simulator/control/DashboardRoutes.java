package dev.jirasim.simulator.control;

import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.tenant.CurrentTenant;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.tenant.Tenants;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.world.AccessToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.Grant;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.WorldFile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The dashboard at {@code GET /} for browsers (JSON stays for everything else): the URL map, credentials, clock,
 * consent, tenants, grants and tokens, faults, webhook deliveries and the journal tail, with buttons that post forms
 * to {@code /__admin/dashboard/*}. Each form carries the CSRF token; off loopback the page first asks for the admin
 * token and keeps a session cookie (see {@link BrowserSession}).
 */
public final class DashboardRoutes {
    static final String BASE = "/__admin/dashboard";
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;
    private final Supplier<Tenants> tenants;
    private final BrowserSession session;
    private final boolean noAdmin;

    public DashboardRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl, Supplier<Tenants> tenants, BrowserSession session, boolean noAdmin) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
        this.tenants = tenants;
        this.session = session;
        this.noAdmin = noAdmin;
    }

    public void addTo(RoutesConfig routes) {
        routes.post(BASE + "/sign-in", this::signIn);
        routes.post(BASE + "/{action}", this::act);
    }

    /** Whether {@code GET /} should answer with the page: a browser asks for HTML; curl and clients get JSON. */
    public static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** {@code GET /} for a browser. */
    public void page(Context ctx, Map<String, String> hosts) {
        pageHeaders(ctx);
        String base = publicUrl.get();
        if (noAdmin) {
            ctx.html(DashboardPage.withoutControlApi(base, hosts));
        } else if (session.protectedByToken() && !session.signedIn(ctx.cookie(BrowserSession.COOKIE))) {
            ctx.html(DashboardPage.signIn(base, session.csrfToken(), "failed".equals(ctx.queryParam("sign-in"))));
        } else {
            ctx.html(DashboardPage.render(view(base, hosts)));
        }
    }

    /** The control pages hold secrets: never cached, never framed, nothing loaded from elsewhere. */
    static void pageHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private void signIn(Context ctx) {
        String base = publicUrl.get();
        if (!session.formFromThisDashboard(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"), ctx.formParam("csrf"))) {
            throw new Problem(403, "forbidden", "Sign in from the dashboard's own page (CSRF check failed): reload it and try again.");
        }
        String cookie = session.signIn(ctx.formParam("token"));
        if (cookie == null) {
            ctx.redirect(base + "/?sign-in=failed", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("Set-Cookie", BrowserSession.COOKIE + "=" + cookie + "; Path=/; HttpOnly; SameSite=Strict"
                + (base.startsWith("https:") ? "; Secure" : ""));
        ctx.redirect(base + "/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void act(Context ctx) {
        if (!session.formFromThisDashboard(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"), ctx.formParam("csrf"))) {
            throw new Problem(403, "forbidden", "This form did not come from the dashboard (CSRF check failed): reload the page and try again.");
        }
        SimulatorControl control = control();
        String action = ctx.pathParam("action");
        switch (action) {
            case "clock-advance" -> control.advanceClock(Duration.ofSeconds(longParam(ctx, "seconds", 1, 366L * 24 * 3600)));
            case "clock-freeze" -> control.setClock(null, Boolean.parseBoolean(ctx.formParam("frozen")));
            case "clock-set" -> control.setClock(instant(required(ctx, "now")), null);
            case "consent" -> control.consent(consent(ctx, control));
            case "revoke" -> {
                if (!control.revokeGrant(required(ctx, "grantId"))) throw AdminErrors.notFound("No such grant.");
            }
            case "fault-remove" -> {
                if (!control.removeFault(required(ctx, "id"))) throw AdminErrors.notFound("No such fault.");
            }
            case "faults-clear" -> control.clearFaults();
            case "journal-clear" -> control.clearJournal();
            case "deliveries-clear" -> control.clearWebhookDeliveries();
            case "reset" -> control.reset();
            default -> throw AdminErrors.notFound("No such dashboard action: " + action);
        }
        ctx.redirect(publicUrl.get() + "/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static Consent consent(Context ctx, SimulatorControl control) {
        if ("interactive".equals(ctx.formParam("mode"))) return Consent.INTERACTIVE;
        String user = required(ctx, "user");
        boolean known = control.exportWorld().users().stream().anyMatch(u -> u.email().equalsIgnoreCase(user) || u.accountId().equals(user));
        if (!known) throw AdminErrors.badRequest("Unknown user: " + user);
        Consent.Decision decision = "deny".equals(ctx.formParam("decision")) ? Consent.Decision.DENY : Consent.Decision.APPROVE;
        return new Consent(Consent.Mode.AUTO, user, null, decision);
    }

    /** An instant as ISO-8601 ({@code 2026-12-01T09:00:00Z}), or as a browser's datetime-local field sends it (taken as UTC). */
    private static java.time.Instant instant(String text) {
        String t = text.trim();
        try {
            return java.time.Instant.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException again) {
                throw AdminErrors.badRequest("'now' must be a time such as 2026-12-01T09:00:00Z, not '" + text + "'.");
            }
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) throw AdminErrors.badRequest("The form needs '" + name + "'.");
        return value;
    }

    private static long longParam(Context ctx, String name, long min, long max) {
        try {
            long v = Long.parseLong(required(ctx, name).trim());
            if (v < min || v > max) throw AdminErrors.badRequest("'" + name + "' must be " + min + " to " + max + ".");
            return v;
        } catch (NumberFormatException e) {
            throw AdminErrors.badRequest("'" + name + "' must be a whole number.");
        }
    }

    private SimulatorControl control() {
        return new TenantControl(tenant.get(), publicUrl.get());
    }

    private DashboardPage.View view(String base, Map<String, String> hosts) {
        SimulatorControl control = control();
        WorldFile world = control.exportWorld();
        Map<String, String> emails = world.users().stream().collect(Collectors.toMap(User::accountId, User::email, (a, b) -> a));
        TokenState tokens = control.tokens();
        var grants = new ArrayList<DashboardPage.GrantRow>();
        for (Grant g : tokens.grants()) {
            List<String> live = tokens.accessTokens().stream()
                    .filter(t -> t.grantId().equals(g.id()) && t.revokedAt() == null && t.expiresAt().isAfter(control.now()))
                    .sorted(Comparator.comparing(AccessToken::expiresAt))
                    .map(t -> Redact.secret(t.token()) + " until " + t.expiresAt()).toList();
            grants.add(new DashboardPage.GrantRow(g.id(), emails.getOrDefault(g.accountId(), g.accountId()), g.clientId(),
                    String.join(", ", g.siteScopes().keySet()), String.join(" ", g.scopes()), g.createdAt(), g.revokedAt(), live));
        }
        grants.sort(Comparator.comparing(DashboardPage.GrantRow::created).reversed());
        List<Fault> faults = control.faults();
        List<DeliveryAttempt> deliveries = control.webhookDeliveries();
        List<DeliveryAttempt> recent = deliveries.subList(Math.max(0, deliveries.size() - 10), deliveries.size());
        List<String> tenantIds = CurrentTenant.id() == null ? tenants.get().ids() : List.of();
        return new DashboardPage.View(base, CurrentTenant.id(), hosts, world, control.now(), control.clockFrozen(), control.consent(),
                grants, faults, recent, tenantIds, session.csrfToken(), session.protectedByToken());
    }
}
