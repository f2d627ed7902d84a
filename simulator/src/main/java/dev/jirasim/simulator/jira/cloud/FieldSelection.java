package dev.jirasim.simulator.jira.cloud;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jira's {@code fields} parameter: {@code *all}, {@code *navigable}, field ids, {@code -id} to exclude;
 * {@code id} alone means no field data (the enhanced search default). Unknown field ids are ignored, as Jira does.
 * Custom fields are site-specific: {@code *all} and {@code *navigable} select them all ({@link #ALL_CUSTOM}),
 * a {@code customfield_<n>} id selects one; rendering keeps those the site has.
 */
record FieldSelection(Set<String> fields) {
    static final List<String> ALL;
    /** Stands for every custom field of the site. */
    static final String ALL_CUSTOM = "customfield_*";

    static {
        var all = new ArrayList<>(JiraJson.NAVIGABLE);
        all.add("comment");
        all.add("timetracking");
        all.add("worklog");
        all.add("attachment");
        ALL = List.copyOf(all);
    }

    static FieldSelection parse(List<String> raw, String defaultValue) {
        var items = new ArrayList<String>();
        for (String r : raw) for (String part : r.split(",")) if (!part.isBlank()) items.add(part.trim());
        if (items.isEmpty()) items.add(defaultValue);
        var selected = new LinkedHashSet<String>();
        for (String item : items) {
            switch (item) {
                case "*all" -> {
                    selected.addAll(ALL);
                    selected.add(ALL_CUSTOM);
                }
                case "*navigable" -> {
                    selected.addAll(JiraJson.NAVIGABLE);
                    selected.add(ALL_CUSTOM);
                }
                case "id", "key" -> { }
                default -> {
                    if (!item.startsWith("-") && (ALL.contains(item) || dev.jirasim.simulator.common.Patterns.matches(item, "customfield_[0-9]{1,18}"))) selected.add(item);
                }
            }
        }
        for (String item : items) if (item.startsWith("-")) selected.remove(item.substring(1));
        // "-customfield_<n>" stays in the set: rendering leaves that one out of all the site's custom fields.
        for (String item : items) if (item.startsWith("-customfield_")) selected.add(item);
        return new FieldSelection(Set.copyOf(selected));
    }

    boolean none() {
        return fields.isEmpty();
    }

    /** Whether the custom field {@code id} is asked for. */
    boolean wantsCustom(String id) {
        return (fields.contains(ALL_CUSTOM) || fields.contains(id)) && !fields.contains("-" + id);
    }

    /** Only id or key asked for: Jira then allows its largest page size. */
    boolean idsOnly() {
        return fields.isEmpty();
    }
}
