package dev.jirasim.simulator.control;

import static dev.jirasim.simulator.common.Html.esc;

import dev.jirasim.simulator.common.Version;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.WorldFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The dashboard's HTML, from plain values: one self-contained page, no assets, a little script for the journal tail. */
final class DashboardPage {
    /** What the page shows. {@code tenant} is null for the default world; {@code tenants} lists the others there. */
    record View(String base, String tenant, Map<String, String> hosts, WorldFile world, Instant now, boolean frozen, Consent consent,
                List<GrantRow> grants, List<Fault> faults, List<DeliveryAttempt> deliveries, List<String> tenants, String csrf,
                boolean signedIn) {
    }

    /** A grant with its user's e-mail and its live access tokens, masked. */
    record GrantRow(String id, String user, String clientId, String sites, String scopes, Instant created, Instant revoked, List<String> liveTokens) {
    }

    static final String STYLE = """
            :root{color-scheme:light dark;--fg:#172b4d;--muted:#5e6c84;--bg:#f4f5f7;--card:#fff;--line:#dfe1e6;--accent:#0052cc;--bad:#de350b;--ok:#00875a}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9fadbc;--bg:#161a1d;--card:#22272b;--line:#38414a;--accent:#579dff;--bad:#f87462;--ok:#4bce97}}
            *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
            header{padding:14px 24px;background:var(--accent);color:#fff;display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
            header h1{margin:0;font-size:20px}header a{color:#fff}main{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;padding:16px 24px}
            section{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:12px 16px;overflow:auto}
            section.wide{grid-column:1/-1}h2{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}th{color:var(--muted);font-weight:600}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}form{display:inline}.muted{color:var(--muted)}
            button{font:inherit;padding:3px 10px;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer}
            button.danger{color:var(--bad)}.ok{color:var(--ok)}.bad{color:var(--bad)}input,select{font:inherit;padding:2px 4px}
            .row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:6px 0}
            main.stack{display:block}main.stack>section{margin-bottom:12px}pre{white-space:pre-wrap;font:12px ui-monospace,monospace}""";

    private DashboardPage() {
    }

    static String render(View v) {
        var sb = new StringBuilder(16_384);
        head(sb, "Jirasim dashboard");
        sb.append("<header><h1>Jirasim</h1><span>").append(esc(Version.current())).append("</span><span>")
                .append(v.tenant() == null ? "default world" : "tenant <code>" + esc(v.tenant()) + "</code>")
                .append("</span><a id='debugger-link' href='").append(esc(v.base())).append("/__admin/debugger'>OAuth debugger</a></header><main>");
        hosts(sb, v.hosts());
        credentials(sb, v);
        clock(sb, v);
        consent(sb, v);
        grants(sb, v);
        faults(sb, v);
        deliveries(sb, v);
        tenants(sb, v);
        journal(sb, v);
        sb.append("</main>");
        script(sb, v.base());
        return sb.append("</body></html>").toString();
    }

    static String signIn(String base, String csrf, boolean failed) {
        var sb = new StringBuilder();
        head(sb, "Jirasim: sign in");
        sb.append("<header><h1>Jirasim</h1><span>").append(esc(Version.current())).append("</span></header><main><section>")
                .append("<h2>Admin token</h2><p>This simulator's control API is protected by an admin token (<code>--admin-token</code>). ")
                .append("Enter it to open the dashboard; the browser then keeps a session cookie, not the token.</p>");
        if (failed) sb.append("<p id='sign-in-failed' class='bad'>That is not the admin token.</p>");
        sb.append("<form method='post' action='").append(esc(base)).append(DashboardRoutes.BASE).append("/sign-in'>")
                .append(csrf(csrf)).append("<input type='password' name='token' id='token' autocomplete='off' size='40'> ")
                .append("<button id='sign-in'>Sign in</button></form></section></main></body></html>");
        return sb.toString();
    }

    static String withoutControlApi(String base, Map<String, String> hosts) {
        var sb = new StringBuilder();
        head(sb, "Jirasim");
        sb.append("<header><h1>Jirasim</h1><span>").append(esc(Version.current())).append("</span></header><main>");
        hosts(sb, hosts);
        sb.append("<section><h2>No control API</h2><p>This simulator was started with <code>--no-admin</code>: it stands in for a live ")
                .append("service, so there is no dashboard and every <code>/__admin</code> path answers 404.</p></section></main></body></html>");
        return sb.toString();
    }

    /** The document's head (title, the shared style) and the opening of its body; the debugger's pages use it too. */
    static void head(StringBuilder sb, String title) {
        sb.append("<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' content='width=device-width,initial-scale=1'>")
                .append("<title>").append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static void hosts(StringBuilder sb, Map<String, String> hosts) {
        sb.append("<section id='hosts'><h2>Where each host lives</h2><table><tr><th>Real host</th><th>Here</th></tr>");
        hosts.forEach((real, here) -> sb.append("<tr><td>").append(esc(real)).append("</td><td><code>").append(esc(here)).append("</code></td></tr>"));
        sb.append("</table></section>");
    }

    private static void credentials(StringBuilder sb, View v) {
        sb.append("<section id='credentials' class='wide'><h2>Credentials</h2><table><tr><th>OAuth app</th><th>Client secret</th><th>Callback URLs</th></tr>");
        for (OAuthApp app : v.world().apps()) {
            sb.append("<tr><td><code>").append(esc(app.clientId())).append("</code>")
                    .append(app.distribution() == OAuthApp.Distribution.PRIVATE ? " <span class='muted'>(private)</span>" : "")
                    .append("</td><td><code>").append(esc(app.clientSecret())).append("</code></td><td>");
            for (String url : app.callbackUrls()) sb.append("<code>").append(esc(url)).append("</code><br>");
            sb.append("</td></tr>");
        }
        sb.append("</table><div class='row' style='align-items:flex-start;gap:24px'><table style='width:auto'><tr><th>User</th><th>Account id</th><th>Sites</th></tr>");
        for (User u : v.world().users()) {
            sb.append("<tr><td>").append(esc(u.email())).append("</td><td><code>").append(esc(u.accountId())).append("</code></td><td>")
                    .append(esc(String.join(", ", u.sites()))).append("</td></tr>");
        }
        sb.append("</table><table style='width:auto'><tr><th>Site</th><th>cloudId</th></tr>");
        for (Site s : v.world().sites()) {
            sb.append("<tr><td>").append(esc(s.subdomain())).append("</td><td><code>").append(esc(s.cloudId())).append("</code></td></tr>");
        }
        sb.append("</table></div></section>");
    }

    private static void clock(StringBuilder sb, View v) {
        sb.append("<section id='clock'><h2>Clock</h2><p><code id='clock-now'>").append(v.now()).append("</code> <span id='clock-state' class='muted'>")
                .append(v.frozen() ? "frozen" : "running").append("</span></p><div class='row'>");
        long[][] steps = {{60}, {3600}, {86_400}, {30L * 86_400}};
        String[] labels = {"+1 minute", "+1 hour", "+1 day", "+30 days"};
        for (int i = 0; i < steps.length; i++) {
            action(sb, v, "clock-advance", "advance-" + steps[i][0], labels[i], Map.of("seconds", String.valueOf(steps[i][0])), false);
        }
        action(sb, v, "clock-freeze", v.frozen() ? "unfreeze" : "freeze", v.frozen() ? "Let it run" : "Freeze",
                Map.of("frozen", String.valueOf(!v.frozen())), false);
        sb.append("</div><form method='post' action='").append(esc(v.base())).append(DashboardRoutes.BASE).append("/clock-set' class='row'>")
                .append(csrf(v.csrf())).append("<label>Set to (UTC) <input type='datetime-local' step='1' name='now' id='clock-input' value='")
                .append(v.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", ""))
                .append("'></label><button id='clock-set'>Set</button></form>")
                .append("<p class='muted'>Tokens expire, codes lapse and webhook retries fall due on this clock.</p></section>");
    }

    private static void consent(StringBuilder sb, View v) {
        Consent c = v.consent();
        sb.append("<section id='consent'><h2>Consent</h2><p id='consent-mode'>")
                .append(c.mode() == Consent.Mode.AUTO ? "automatic: " + esc(c.user()) + (c.decision() == Consent.Decision.APPROVE ? " approves" : " denies") : "interactive: the consent page waits for a person")
                .append("</p><form method='post' action='").append(esc(v.base())).append(DashboardRoutes.BASE).append("/consent' class='row'>")
                .append(csrf(v.csrf())).append("<input type='hidden' name='mode' value='auto'><select name='user' id='consent-user'>");
        for (User u : v.world().users()) sb.append("<option>").append(esc(u.email())).append("</option>");
        sb.append("</select><select name='decision'><option value='approve'>approves</option><option value='deny'>denies</option></select>")
                .append("<button id='consent-auto'>Decide automatically</button></form>");
        action(sb, v, "consent", "consent-interactive", "Ask in the browser", Map.of("mode", "interactive"), false);
        sb.append("</section>");
    }

    private static void grants(StringBuilder sb, View v) {
        sb.append("<section id='grants' class='wide'><h2>Grants and live tokens <span class='muted'>(masked)</span></h2>");
        if (v.grants().isEmpty()) {
            sb.append("<p class='muted'>No grant yet: sign in through <code>/auth/authorize</code>, the OAuth debugger or <code>POST /__admin/tokens</code>.</p>");
        } else {
            sb.append("<table><tr><th>Grant</th><th>User</th><th>App</th><th>Sites</th><th>Scopes</th><th>Live access tokens</th><th></th></tr>");
            for (GrantRow g : v.grants()) {
                sb.append("<tr id='grant-").append(esc(g.id())).append("'><td><code>").append(esc(g.id())).append("</code><br><span class='muted'>")
                        .append(g.created()).append("</span></td><td>").append(esc(g.user())).append("</td><td><code>").append(esc(g.clientId()))
                        .append("</code></td><td>").append(esc(g.sites())).append("</td><td><code>").append(esc(g.scopes())).append("</code></td><td>");
                for (String t : g.liveTokens()) sb.append("<code>").append(esc(t)).append("</code><br>");
                sb.append("</td><td>");
                if (g.revoked() != null) sb.append("<span class='bad'>revoked</span>");
                else action(sb, v, "revoke", "revoke-" + g.id(), "Revoke", Map.of("grantId", g.id()), true);
                sb.append("</td></tr>");
            }
            sb.append("</table>");
        }
        sb.append("</section>");
    }

    private static void faults(StringBuilder sb, View v) {
        sb.append("<section id='faults'><h2>Faults</h2>");
        if (v.faults().isEmpty()) {
            sb.append("<p class='muted'>None. Inject some with <code>POST /__admin/faults</code> (see docs/faults.md).</p>");
        } else {
            sb.append("<table><tr><th>Id</th><th>Rule</th><th>Hits</th><th></th></tr>");
            for (Fault f : v.faults()) {
                var r = f.rule();
                sb.append("<tr><td><code>").append(esc(f.id())).append("</code></td><td><code>").append(esc(r.method() == null ? "*" : r.method()))
                        .append(' ').append(esc(r.path())).append("</code>").append(r.status() == null ? "" : " → " + r.status())
                        .append(r.delayMs() == null ? "" : " after " + r.delayMs() + " ms").append(r.rateLimit() == null ? "" : " (rate limit)")
                        .append("</td><td>").append(f.hits()).append(f.remaining() == null ? "" : " (" + f.remaining() + " left)").append("</td><td>");
                action(sb, v, "fault-remove", "remove-fault-" + f.id(), "Remove", Map.of("id", f.id()), true);
                sb.append("</td></tr>");
            }
            sb.append("</table><div class='row'>");
            action(sb, v, "faults-clear", "clear-faults", "Remove all", Map.of(), true);
            sb.append("</div>");
        }
        sb.append("</section>");
    }

    private static void deliveries(StringBuilder sb, View v) {
        sb.append("<section id='deliveries'><h2>Webhook deliveries <span class='muted'>(last ").append(v.deliveries().size()).append(")</span></h2>");
        if (v.deliveries().isEmpty()) {
            sb.append("<p class='muted'>None yet: register a Jira webhook or set Nango's webhook URLs (docs/webhooks.md).</p>");
        } else {
            sb.append("<table><tr><th>At</th><th>Event</th><th>To</th><th>Outcome</th></tr>");
            for (DeliveryAttempt d : v.deliveries()) {
                sb.append("<tr><td>").append(d.at()).append("</td><td><code>").append(esc(d.event())).append("</code><br><span class='muted'>")
                        .append(esc(d.source())).append(" #").append(d.attempt()).append("</span></td><td><code>").append(esc(d.url()))
                        .append("</code></td><td class='").append(DeliveryAttempt.DELIVERED.equals(d.outcome()) ? "ok" : "bad").append("'>")
                        .append(d.status() == null ? esc(d.error()) : d.status()).append(' ').append(esc(d.outcome())).append("</td></tr>");
            }
            sb.append("</table><div class='row'>");
            action(sb, v, "deliveries-clear", "clear-deliveries", "Forget them", Map.of(), false);
            sb.append("</div>");
        }
        sb.append("</section>");
    }

    private static void tenants(StringBuilder sb, View v) {
        if (v.tenant() != null) return;
        sb.append("<section id='tenants'><h2>Tenants</h2>");
        if (v.tenants().isEmpty()) {
            sb.append("<p class='muted'>Only the default world. Each <code>@Jirasim</code> test, or <code>POST /__admin/tenants</code>, gets its own.</p>");
        } else {
            sb.append("<ul>");
            for (String id : v.tenants()) {
                sb.append("<li><a href='").append(esc(v.base())).append("/t/").append(esc(id)).append("/'><code>").append(esc(id)).append("</code></a></li>");
            }
            sb.append("</ul>");
        }
        sb.append("<div class='row'>");
        action(sb, v, "reset", "reset", "Reset this world", Map.of(), true);
        sb.append("</div></section>");
    }

    private static void journal(StringBuilder sb, View v) {
        sb.append("<section id='journal' class='wide'><h2>Journal <span class='muted'>(newest first, refreshes every 2 s)</span></h2>")
                .append("<table><thead><tr><th>#</th><th>At</th><th>Request</th><th>Status</th><th>ms</th></tr></thead><tbody id='journal-rows'>")
                .append("<tr><td colspan='5' class='muted'>loading…</td></tr></tbody></table><div class='row'>");
        action(sb, v, "journal-clear", "clear-journal", "Clear", Map.of(), false);
        sb.append("</div></section>");
    }

    /** The journal tail: fetched from the control API (same origin, so the session cookie goes along). */
    private static void script(StringBuilder sb, String base) {
        sb.append("<script>const journalUrl=").append(jsString(base + "/__admin/journal")).append(";")
                .append("""
                        function cell(t){const d=document.createElement('td');d.textContent=t;return d}
                        async function tail(){try{const r=await fetch(journalUrl,{headers:{Accept:'application/json'}});if(!r.ok)return;
                        const rows=(await r.json()).requests.filter(e=>!e.path.startsWith('/__admin/journal')).slice(-15).reverse();
                        const body=document.getElementById('journal-rows');body.replaceChildren();
                        for(const e of rows){const tr=document.createElement('tr');tr.append(cell(e.seq),cell(e.at),cell(e.method+' '+e.path+(e.query?'?'+e.query:'')),
                        cell(e.status+(e.fault?' (fault '+e.fault+')':'')),cell(e.durationMs));body.append(tr)}
                        if(!rows.length){const tr=document.createElement('tr');const td=cell('no requests yet');td.colSpan=5;tr.append(td);body.append(tr)}}catch(e){}}
                        tail();setInterval(tail,2000);
                        </script>""");
    }

    private static void action(StringBuilder sb, View v, String action, String id, String label, Map<String, String> fields, boolean danger) {
        sb.append("<form method='post' action='").append(esc(v.base())).append(DashboardRoutes.BASE).append('/').append(action).append("'>")
                .append(csrf(v.csrf()));
        fields.forEach((k, val) -> sb.append("<input type='hidden' name='").append(esc(k)).append("' value='").append(esc(val)).append("'>"));
        sb.append("<button id='").append(esc(id)).append("'").append(danger ? " class='danger'" : "").append('>').append(esc(label)).append("</button></form>");
    }

    private static String csrf(String token) {
        return "<input type='hidden' name='csrf' value='" + esc(token) + "'>";
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }
}
