package dev.jirasim.simulator.jira.cloud;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jira's {@code fields} parameter: {@code *all}, {@code *navigable}, field ids, {@code -id} to exclude;
 * {@code id} alone means no field data (the enhanced search default). Unknown field ids are ignored, as Jira does.
 */
record FieldSelection(Set<String> fields) {
    static final List<String> ALL;

    static {
        var all = new ArrayList<>(JiraJson.NAVIGABLE);
        all.add("comment");
        ALL = List.copyOf(all);
    }

    static FieldSelection parse(List<String> raw, String defaultValue) {
        var items = new ArrayList<String>();
        for (String r : raw) for (String part : r.split(",")) if (!part.isBlank()) items.add(part.trim());
        if (items.isEmpty()) items.add(defaultValue);
        var selected = new LinkedHashSet<String>();
        for (String item : items) {
            switch (item) {
                case "*all" -> selected.addAll(ALL);
                case "*navigable" -> selected.addAll(JiraJson.NAVIGABLE);
                case "id", "key" -> { }
                default -> {
                    if (!item.startsWith("-") && ALL.contains(item)) selected.add(item);
                }
            }
        }
        for (String item : items) if (item.startsWith("-")) selected.remove(item.substring(1));
        return new FieldSelection(Set.copyOf(selected));
    }

    boolean none() {
        return fields.isEmpty();
    }

    /** Only id or key asked for: Jira then allows its largest page size. */
    boolean idsOnly() {
        return fields.isEmpty();
    }
}
