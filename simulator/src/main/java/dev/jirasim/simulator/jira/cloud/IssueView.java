package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One issue as Jira returns it, with the fields asked for. */
final class IssueView {
    static final String EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";
    /** At most this many renderings of at most {@link #CACHE_CHARS} each are kept per world: about 16 MB. */
    private static final int CACHE_CAPACITY = 2_000;
    private static final int CACHE_CHARS = 8_192;
    private static final World.Derived<Map<Key, RawValue>> CACHE = World.Derived.named("issue-json");

    private IssueView() {
    }

    /**
     * What {@code expand} asks of each issue: {@code names} and {@code schema} of its fields (on a single issue;
     * a search puts them on the page instead), its {@code transitions}, {@code editmeta}, {@code operations} and its
     * latest {@code changelog} histories (at most 100 on an issue, 40 in a search, as Jira caps them; 0: not asked).
     * and {@code renderedFields} (rich text as HTML, dates as people read them). {@code versionedRepresentations} is not
     * rendered and is left out.
     */
    record Expand(boolean names, boolean schema, boolean transitions, boolean editmeta, boolean operations, int changelog,
                  boolean renderedFields) {
        static final Expand NONE = new Expand(false, false, false, false, false, 0, false);
        /** How many histories Jira puts inline on one issue, and on each issue of an enhanced search. */
        static final int ISSUE_HISTORIES = 100;
        static final int SEARCH_HISTORIES = 40;

        static Expand parse(String raw) {
            if (raw == null || raw.isBlank()) return NONE;
            var parts = java.util.Set.of(raw.replace(" ", "").split(","));
            return new Expand(parts.contains("names"), parts.contains("schema"), parts.contains("transitions"),
                    parts.contains("editmeta"), parts.contains("operations"), parts.contains("changelog") ? ISSUE_HISTORIES : 0,
                    parts.contains("renderedFields"));
        }

        /** The same without what a search answers once per page. */
        Expand perIssue() {
            return new Expand(false, false, transitions, editmeta, operations, changelog > 0 ? SEARCH_HISTORIES : 0, renderedFields);
        }
    }

    static Map<String, Object> of(CloudCaller c, Issue issue, FieldSelection selection) {
        return of(c, issue, selection, Expand.NONE);
    }

    static Map<String, Object> of(CloudCaller c, Issue issue, FieldSelection selection, Expand expand) {
        var m = new LinkedHashMap<String, Object>();
        m.put("expand", EXPAND);
        m.put("id", issue.id());
        m.put("self", c.apiBase() + "/issue/" + issue.id());
        m.put("key", issue.key());
        if (expand.operations()) m.put("operations", java.util.Map.of("linkGroups", java.util.List.of()));
        if (expand.editmeta()) m.put("editmeta", IssueMetaService.editmeta(c, issue));
        var present = new java.util.ArrayList<String>();
        if (!selection.none()) {
            var fields = new LinkedHashMap<String, Object>();
            for (String name : FieldSelection.ALL) {
                if (!selection.fields().contains(name)) continue;
                Object value = JiraJson.field(c, issue, name);
                if (value != JiraJson.ABSENT) {
                    fields.put(name, value);
                    present.add(name);
                }
            }
            for (var f : c.world().jiraSettings().customFields(issue.site())) {
                if (!selection.wantsCustom(f.id())) continue;
                fields.put(f.id(), JiraJson.field(c, issue, f.id()));
                present.add(f.id());
            }
            m.put("fields", fields);
        }
        if (expand.names()) {
            var names = new LinkedHashMap<String, String>();
            for (String f : present) names.put(f, SystemFields.name(c, issue.site(), f));
            m.put("names", names);
        }
        if (expand.schema()) {
            var schema = new LinkedHashMap<String, Object>();
            for (String f : present) if (SystemFields.schema(c, issue.site(), f) != null) schema.put(f, SystemFields.schema(c, issue.site(), f));
            m.put("schema", schema);
        }
        if (expand.transitions()) m.put("transitions", IssueService.transitionList(c, issue));
        if (expand.changelog() > 0) m.put("changelog", ChangelogService.inline(c, issue, expand.changelog()));
        if (expand.renderedFields()) m.put("renderedFields", renderedFields(c, issue, present));
        return m;
    }

    /** Jira's display form of a date and time: day, month and two-digit year, then a 12-hour time (our reading). */
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", java.util.Locale.ENGLISH);
    private static final java.time.format.DateTimeFormatter SHOWN_DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yy", java.util.Locale.ENGLISH);

    /**
     * {@code renderedFields}: for each field present, what a person reads: rich text (description, comment bodies,
     * worklog comments) as HTML, times in the caller's time zone, the due date as a day; null for the rest, as Jira
     * gives null for fields its renderer leaves alone.
     */
    private static Map<String, Object> renderedFields(CloudCaller c, Issue issue, java.util.List<String> present) {
        var zone = dev.jirasim.simulator.jql.SearchContext.zoneOf(c.user() == null ? null : c.user().zoneinfo());
        var out = new LinkedHashMap<String, Object>();
        for (String f : present) {
            Object v = switch (f) {
                case "description" -> RichTextHtml.of(issue.description());
                case "comment" -> JiraJson.commentPage(c, issue, true);
                case "created" -> SHOWN.format(issue.created().atZone(zone));
                case "updated", "statuscategorychangedate" -> SHOWN.format(issue.updated().atZone(zone));
                case "resolutiondate" -> issue.resolved() == null ? null : SHOWN.format(issue.resolved().atZone(zone));
                case "duedate" -> issue.duedate() == null ? null : SHOWN_DAY.format(issue.duedate());
                default -> null;
            };
            out.put(f, v);
        }
        return out;
    }

    /**
     * The same view as JSON text, for search pages: polled page after page, so each rendering is kept. Issues are
     * immutable (an edit stores a new one), so an issue object with the same base URL and fields renders the same,
     * except through its parent's fields, which are not kept. Dropped with the world.
     */
    static Object rendered(CloudCaller c, Issue issue, FieldSelection selection, Expand expand) {
        // Expansions depend on the caller's rights (editmeta) and the parent's fields change under it: not kept.
        // Linked issues' fields change under it too, and restricted comments or worklogs depend on who asks.
        // The changelog is part of the (immutable) issue, so an expansion of only that is kept like the fields.
        boolean keepable = expand.equals(Expand.NONE) || expand.equals(new Expand(false, false, false, false, false, expand.changelog(), false));
        if ((issue.parent() != null && selection.fields().contains("parent")) || !keepable || restricted(issue, selection)
                || (!issue.activity().links().isEmpty() && selection.fields().contains("issuelinks"))) {
            return of(c, issue, selection, expand);
        }
        Map<Key, RawValue> cache = c.world().derived(CACHE, ConcurrentHashMap::new);
        var key = new Key(issue, c.apiBase() + "#" + c.user().accountId() + "#" + expand.changelog(), selection.fields());
        RawValue hit = cache.get(key);
        if (hit != null) return hit;
        try {
            String json = Json.MAPPER.writeValueAsString(of(c, issue, selection, expand));
            var rendered = new RawValue(json);
            if (json.length() <= CACHE_CHARS) {
                if (cache.size() >= CACHE_CAPACITY) cache.clear();
                cache.put(key, rendered);
            }
            return rendered;
        } catch (JsonProcessingException e) {
            return of(c, issue, selection, expand);
        }
    }

    /** Whether the rendering depends on who asks: it shows comments or worklogs restricted to a group or role. */
    private static boolean restricted(Issue issue, FieldSelection selection) {
        if (selection.fields().contains("comment")) for (var cm : issue.comments()) if (cm.visibility() != null) return true;
        if (selection.fields().contains("worklog")) for (var w : issue.activity().worklogs()) if (w.visibility() != null) return true;
        return false;
    }

    /**
     * An issue by identity (records compare by value, which here would walk descriptions and comments), the base URL
     * and the caller ({@code watches} and {@code votes} say whether the caller watches or voted).
     */
    private record Key(Issue issue, String apiBase, Set<String> fields) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.issue == issue && k.apiBase.equals(apiBase) && k.fields.equals(fields);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(issue) * 31 + apiBase.hashCode()) * 31 + fields.hashCode();
        }
    }
}
