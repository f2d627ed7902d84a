package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueHistory;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.Sprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * History on a Data Center instance: every REST write stores the issue through {@link #save}, which records a
 * changelog entry with {@link IssueHistory#record} (the same diff as Cloud), authored by the caller's user key, with
 * ids from the instance's own {@code JiraData}. {@code expand=changelog} renders it as DC's {@code ChangelogBean}.
 */
final class DcHistory {
    private DcHistory() {
    }

    /** How the instance names people (by key → display name), custom fields, projects, issues and sprints. */
    static IssueHistory.Names names(DcCaller c) {
        String site = c.site();
        return new IssueHistory.Names() {
            @Override
            public String displayName(String person) {
                return c.dc().instance().user(person).map(u -> u.displayName()).orElse(person);
            }

            @Override
            public Optional<CustomField> customField(String id) {
                return c.dc().instance().customField(id);
            }

            @Override
            public Optional<Project> project(String key) {
                return c.dc().jira().project(site, key);
            }

            @Override
            public Optional<Issue> issue(String keyOrId) {
                return c.dc().jira().issue(site, keyOrId);
            }

            @Override
            public Optional<String> sprint(long id) {
                return c.dc().instance().sprint(id).map(Sprint::name);
            }
        };
    }

    /** Stores {@code after} with a changelog entry for what differs from {@code before}, by the caller, at the world's now. */
    static Issue save(DcCaller c, Issue before, Issue after) {
        return c.dc().jira().update(IssueHistory.record(before, after, c.user().accountId(), c.world().clock().now(),
                i -> c.dc().jira().nextChangeId(), names(c)));
    }

    /**
     * DC's {@code ChangelogBean} as {@code expand=changelog} embeds it: every history inline, oldest first, so
     * {@code maxResults} and {@code total} are the count (DC's IssueBean carries the whole changelog; it has no
     * {@code /issue/{key}/changelog} resource to page through). Items have no {@code fieldId}, unlike Cloud's.
     */
    static Map<String, Object> changelog(DcCaller c, Issue issue) {
        var histories = new ArrayList<Object>();
        for (ChangeGroup g : issue.changelog()) histories.add(history(c, g));
        var m = new LinkedHashMap<String, Object>();
        m.put("startAt", 0);
        m.put("maxResults", histories.size());
        m.put("total", histories.size());
        m.put("histories", histories);
        return m;
    }

    static Map<String, Object> history(DcCaller c, ChangeGroup g) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", g.id());
        if (g.author() != null) c.dc().instance().user(g.author()).ifPresent(u -> m.put("author", DcJson.user(c.base(), u, false)));
        m.put("created", DcJson.TIME.format(g.created()));
        List<Object> items = new ArrayList<>();
        for (ChangeGroup.Item item : g.items()) {
            var i = new LinkedHashMap<String, Object>();
            i.put("field", item.field());
            i.put("fieldtype", item.fieldtype());
            i.put("from", item.from());
            i.put("fromString", item.fromString());
            i.put("to", item.to());
            i.put("toString", item.toText());
            items.add(i);
        }
        m.put("items", items);
        return m;
    }

    /**
     * A new id for a comment, worklog or link: from the instance's one growing sequence (the changelog's, which
     * {@code JiraData} keeps; it never gives an id twice, so an id freed by a delete is not handed out again), and
     * above every id of that kind the instance already holds (a world file's own ids).
     */
    static String nextId(DcCaller c, java.util.stream.Stream<String> existing) {
        long max = existing.mapToLong(id -> {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).max().orElse(0);
        String id;
        do {
            id = c.dc().jira().nextChangeId();
        } while (Long.parseLong(id) <= max);
        return id;
    }
}
