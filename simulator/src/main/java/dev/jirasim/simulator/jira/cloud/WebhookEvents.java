package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.IssueMatcher;
import dev.jirasim.simulator.jql.ParseCache;
import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.webhooks.Outgoing;
import dev.jirasim.simulator.webhooks.RetryPolicy;
import dev.jirasim.simulator.webhooks.Signatures;
import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueEvent;
import dev.jirasim.simulator.world.JiraWebhook;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.UndoLog;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.WebhookSettings;
import dev.jirasim.simulator.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Jira's dynamic webhooks firing: hears every change to one world's Cloud issues and, for each live webhook whose
 * events, filter and registering user let it see the change, sends one delivery per app and URL naming every
 * webhook it satisfied ({@code matchedWebhookIds}, webhooks.md A.9). The payload is rendered while the change is
 * made (the issue as it is then); the delivery leaves when the request that made the change keeps it.
 */
public final class WebhookEvents implements IssueEvent.Listener {
    /** Retried besides every 5xx and every connection failure or timeout (A.8). */
    private static final Set<Integer> RETRIED = Set.of(408, 409, 425, 429);
    /** Our choices (A.6 leaves them open): how long a delivery's JWT is valid, and the User-Agent. */
    static final long JWT_SECONDS = 180;
    static final String USER_AGENT = "Atlassian Webhook HTTP Client";
    private static final ParseCache FILTERS = new ParseCache();
    private final World world;
    private final Deliveries deliveries;
    private final String publicUrl;

    private WebhookEvents(World world, Deliveries deliveries, String publicUrl) {
        this.world = world;
        this.deliveries = deliveries;
        this.publicUrl = publicUrl;
    }

    /** Makes {@code world}'s issue changes fire its webhooks through {@code deliveries}; {@code publicUrl} is where the world is served. */
    public static void attach(World world, Deliveries deliveries, String publicUrl) {
        world.events(new WebhookEvents(world, deliveries, publicUrl));
    }

    /** One message a change sends: its event name, flow, the issue the filter reads, and what to render for a viewer. */
    private record Message(String event, String flow, Issue issue, Comment comment, ChangeGroup change,
                           Function<Context, Map<String, Object>> payload) {
    }

    /** What rendering a payload needs: the viewer, the webhook ids it satisfied, the time of the change. */
    private record Context(CloudCaller viewer, List<Long> ids, Instant at) {
    }

    @Override
    public void on(List<IssueEvent> events) {
        try {
            for (IssueEvent e : events) fire(e);
        } catch (RuntimeException e) {
            // A webhook that cannot be made must not fail the change that caused it.
            // Looked up here, not held in a field: wiring a world must not wait for logging to be configured.
            LoggerFactory.getLogger(WebhookEvents.class).error("Could not fire webhooks for a change of {}", events.get(0).issue().key(), e);
        }
    }

    private void fire(IssueEvent e) {
        Issue issue = e.issue();
        Instant now = world.clock().now();
        List<JiraWebhook> live = world.jiraWebhooks().live(issue.site(), now);
        if (live.isEmpty()) return;
        User actor = world.user(e.actor()).orElse(null);
        for (Message m : messages(e, actor)) send(m, live, now);
    }

    private List<Message> messages(IssueEvent e, User actor) {
        var out = new ArrayList<Message>();
        if (e instanceof IssueEvent.Created c) {
            out.add(new Message("jira:issue_created", "Primary", c.issue(), null, null, x -> WebhookPayloads.issueEvent(x.viewer(),
                    "jira:issue_created", "issue_created", x.at(), c.issue(), actor, null, null, x.ids())));
        } else if (e instanceof IssueEvent.Updated u) {
            String type = typeName(u);
            out.add(new Message("jira:issue_updated", "Primary", u.issue(), u.comment(), u.change(), x -> WebhookPayloads.issueEvent(x.viewer(),
                    "jira:issue_updated", type, x.at(), u.issue(), actor, u.change(), u.comment(), x.ids())));
        } else if (e instanceof IssueEvent.Deleted d) {
            out.add(new Message("jira:issue_deleted", "Primary", d.issue(), null, null, x -> WebhookPayloads.issueEvent(x.viewer(),
                    "jira:issue_deleted", "issue_deleted", x.at(), d.issue(), actor, null, null, x.ids())));
            // The comments go with the issue: Jira tells of them as a cascade, in the Secondary flow (A.6).
            for (Comment cm : d.issue().comments()) {
                out.add(new Message("comment_deleted", "Secondary", d.issue(), cm, null, x -> WebhookPayloads.commentEvent(x.viewer(),
                        "comment_deleted", x.at(), d.issue(), cm, x.ids())));
            }
        } else if (e instanceof IssueEvent.CommentChanged c) {
            String event = "comment_" + c.action();
            out.add(new Message(event, "Primary", c.issue(), c.comment(), null, x -> WebhookPayloads.commentEvent(x.viewer(), event, x.at(),
                    c.issue(), c.comment(), x.ids())));
        }
        return out;
    }

    /**
     * {@code issue_event_type_name} of an update. Only {@code issue_generic} is confirmed (A.7); the others are the
     * names of Jira's own issue events, our choice: a comment's, an assignment alone, a status change (a workflow
     * transition fires the generic event), and any other edit.
     */
    static String typeName(IssueEvent.Updated u) {
        if (u.change() == null && u.commentAction() != null) {
            return switch (u.commentAction()) {
                case "created" -> "issue_commented";
                case "updated" -> "issue_comment_edited";
                default -> "issue_comment_deleted";
            };
        }
        var fields = u.change() == null ? List.<String>of() : u.change().items().stream().map(ChangeGroup.Item::field).toList();
        if (fields.contains("status")) return "issue_generic";
        if (!fields.isEmpty() && fields.stream().allMatch("assignee"::equals)) return "issue_assigned";
        return "issue_updated";
    }

    private void send(Message m, List<JiraWebhook> live, Instant now) {
        // One delivery per app and URL, naming every webhook of theirs the change satisfied (A.9), in id order.
        var groups = new LinkedHashMap<List<String>, List<JiraWebhook>>();
        for (JiraWebhook h : live) {
            if (h.events().contains(m.event()) && wants(h, m)) groups.computeIfAbsent(List.of(h.clientId(), h.url()), k -> new ArrayList<>()).add(h);
        }
        for (List<JiraWebhook> hooks : groups.values()) {
            JiraWebhook first = hooks.get(0);
            CloudCaller viewer = viewer(first).orElseThrow();
            var payload = m.payload().apply(new Context(viewer, hooks.stream().map(JiraWebhook::id).toList(), now));
            String body;
            try {
                body = Json.MAPPER.writeValueAsString(payload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a webhook payload could not be written", e);
            }
            OAuthApp app = world.app(first.clientId()).orElseThrow();
            var options = world.jiraWebhookOptions();
            var out = new Outgoing("jira", m.event(), target(first.url(), options), body, headers(app, first, viewer, m.flow(), options),
                    new RetryPolicy(options.retryDelays(), RETRIED, true, true), options.timeout());
            Deliveries.Ticket ticket = deliveries.submit(out);
            // Sent only if the request that made the change keeps it.
            UndoLog.afterCommit(ticket::release, ticket::cancel);
        }
    }

    /**
     * Whether webhook {@code h} fires for the message: its user may browse the issue (and see the comment), its app
     * delivers to that user at all (a private app only to its owner, A.3), its filter matches the issue (as it is
     * after the change) and, for an update, the changelog touches one of its {@code fieldIdsFilter} fields.
     */
    private boolean wants(JiraWebhook h, Message m) {
        Optional<CloudCaller> viewer = viewer(h);
        OAuthApp app = world.app(h.clientId()).orElse(null);
        if (viewer.isEmpty() || app == null) return false;
        CloudCaller c = viewer.get();
        if (app.distribution() == OAuthApp.Distribution.PRIVATE && !c.user().matches(app.owner())) return false;
        Project project = world.jira().project(m.issue().site(), m.issue().project()).orElse(null);
        if (project == null || !c.canBrowse(project)) return false;
        if (m.comment() != null && !Visibilities.canSee(c, project, m.comment().visibility())) return false;
        if (m.event().equals("jira:issue_updated") && h.fieldIdsFilter() != null) {
            if (m.change() == null || m.change().items().stream().noneMatch(i -> h.fieldIdsFilter().contains(i.fieldId() != null ? i.fieldId() : i.field()))) {
                return false;
            }
        }
        try {
            return IssueMatcher.matches(m.issue(), FILTERS.parse(h.jqlFilter()).where(), EngineJql.context(c));
        } catch (JqlException e) {
            return false; // only a world file can hold a filter that does not parse
        }
    }

    /** The registering user as a v2 reader of the site host: what the payload shows, and whether they may see it. */
    private Optional<CloudCaller> viewer(JiraWebhook h) {
        Site site = world.site(h.site()).orElse(null);
        User user = world.user(h.accountId()).orElse(null);
        if (site == null || user == null) return Optional.empty();
        String siteUrl = world.siteUrl(site, publicUrl);
        return Optional.of(new CloudCaller(world, null, site, user, 2, siteUrl + "/rest/api/2", siteUrl));
    }

    /** The registered URL, without its query string when the world says so (A.5: one report says Jira drops it). */
    private static String target(String url, WebhookSettings.Jira options) {
        if (options.keepsQueryString()) return url;
        int cut = url.indexOf('?');
        int hash = url.indexOf('#');
        if (cut < 0 || (hash >= 0 && hash < cut)) cut = hash;
        return cut < 0 ? url : url.substring(0, cut);
    }

    /**
     * A.6: a bearer JWT signed (HS256) with the app's client secret, fresh on every attempt; the delivery's identifier,
     * the same on every attempt; the flow; the retry count from the first retry on.
     */
    private static Outgoing.Headers headers(OAuthApp app, JiraWebhook h, CloudCaller viewer, String flow, WebhookSettings.Jira options) {
        return (id, attempt, now) -> {
            var claims = new LinkedHashMap<String, Object>();
            options.jwtClaims().forEach((k, v) -> claims.put(k, v.replace("${clientId}", app.clientId()).replace("${accountId}", h.accountId())
                    .replace("${cloudId}", viewer.site().cloudId()).replace("${siteUrl}", viewer.siteUrl())));
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.getEpochSecond() + JWT_SECONDS);
            var headers = new LinkedHashMap<String, String>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", USER_AGENT);
            headers.put("Authorization", "Bearer " + Signatures.hs256Jwt(claims, app.clientSecret()));
            headers.put("X-Atlassian-Webhook-Identifier", id);
            headers.put("X-Atlassian-Webhook-Flow", flow);
            if (attempt > 1) headers.put("X-Atlassian-Webhook-Retry", Integer.toString(attempt - 1));
            return headers;
        };
    }
}
