package dev.jirasim.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dynamic webhooks registered in one world, by site and id. Each change notes its undo, so a failed request
 * leaves none behind. Ids only grow within a site (a deleted id is not given out again while the world lives).
 */
public final class JiraWebhooks {
    /** By site, then by id (in id order). */
    private final Map<String, Map<Long, JiraWebhook>> bySite = new HashMap<>();
    private final Map<String, Long> lastId = new HashMap<>();

    /** Only while the world is being built. */
    synchronized void load(JiraWebhook hook) {
        var site = bySite.computeIfAbsent(hook.site(), k -> new TreeMap<>());
        if (site.putIfAbsent(hook.id(), hook) != null) throw new WorldException("two webhooks on site " + hook.site() + " have id " + hook.id());
        lastId.merge(hook.site(), hook.id(), Math::max);
    }

    /** A new webhook with the site's next id; {@code template}'s id is ignored. */
    public synchronized JiraWebhook register(JiraWebhook template) {
        long previous = lastId.getOrDefault(template.site(), 0L);
        long id = previous + 1;
        JiraWebhook hook = new JiraWebhook(id, template.site(), template.clientId(), template.accountId(), template.url(), template.events(),
                template.jqlFilter(), template.fieldIdsFilter(), template.issuePropertyKeysFilter(), template.expirationDate());
        lastId.put(template.site(), id);
        bySite.computeIfAbsent(template.site(), k -> new TreeMap<>()).put(id, hook);
        UndoLog.note(() -> {
            synchronized (this) {
                bySite.get(template.site()).remove(id);
                lastId.put(template.site(), previous);
            }
        });
        return hook;
    }

    /** The webhooks one app registered as one user on one site, in id order. */
    public synchronized List<JiraWebhook> of(String site, String clientId, String accountId) {
        var out = new ArrayList<JiraWebhook>();
        for (JiraWebhook h : bySite.getOrDefault(site, Map.of()).values()) {
            if (h.clientId().equals(clientId) && h.accountId().equals(accountId)) out.add(h);
        }
        return out;
    }

    /** The webhooks on a site that fire at {@code now}, in id order. */
    public synchronized List<JiraWebhook> live(String site, Instant now) {
        var out = new ArrayList<JiraWebhook>();
        for (JiraWebhook h : bySite.getOrDefault(site, Map.of()).values()) if (h.liveAt(now)) out.add(h);
        return out;
    }

    /** Deletes those of {@code ids} that are this app's and user's on the site; others are ignored (A.4). */
    public synchronized int delete(String site, String clientId, String accountId, Collection<Long> ids) {
        int n = 0;
        var hooks = bySite.getOrDefault(site, Map.of());
        for (Long id : Set.copyOf(ids)) {
            JiraWebhook h = hooks.get(id);
            if (h == null || !h.clientId().equals(clientId) || !h.accountId().equals(accountId)) continue;
            UndoLog.remove(hooks, id, this);
            n++;
        }
        return n;
    }

    /** Moves the expiry of those of {@code ids} that are this app's and user's to {@code next}; others are ignored (A.4). */
    public synchronized int refresh(String site, String clientId, String accountId, Collection<Long> ids, Instant next) {
        int n = 0;
        var hooks = bySite.getOrDefault(site, Map.of());
        for (Long id : Set.copyOf(ids)) {
            JiraWebhook h = hooks.get(id);
            if (h == null || !h.clientId().equals(clientId) || !h.accountId().equals(accountId)) continue;
            UndoLog.put(hooks, id, h.expiringAt(next), this);
            n++;
        }
        return n;
    }

    /** Every webhook of the world, by site then id (for the world file). */
    public synchronized List<JiraWebhook> all() {
        var out = new ArrayList<JiraWebhook>();
        bySite.keySet().stream().sorted().forEach(site -> out.addAll(bySite.get(site).values()));
        return out;
    }
}
