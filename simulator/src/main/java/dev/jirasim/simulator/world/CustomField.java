package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A custom field of one site. Ids are {@code customfield_<n>} and differ from site to site on real Jira, so
 * integrations find fields by {@code schema.custom}; a world may do the same. Values on issues are in world form:
 * a number ({@code storyPoints}, {@code number}), sprint ids ({@code sprint}), a team id ({@code team}),
 * {@code yyyy-MM-dd} ({@code date}), an option's value ({@code select}), account ids ({@code multiUser}) or
 * text ({@code text}).
 *
 * @param options for {@code select}: the allowed values, each {@code {id, value}}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CustomField(String id, String site, String name, String type, List<Option> options) {
    /** The field types a world may declare, with Jira's {@code schema} for each (reference jira-cloud-more §4). */
    public static final Map<String, Schema> TYPES;

    static {
        var t = new LinkedHashMap<String, Schema>();
        t.put("storyPoints", new Schema("number", null, "com.pyxis.greenhopper.jira:jsw-story-points"));
        t.put("number", new Schema("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"));
        t.put("sprint", new Schema("array", "json", "com.pyxis.greenhopper.jira:gh-sprint"));
        t.put("team", new Schema("team", null, "com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team"));
        t.put("date", new Schema("date", null, "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"));
        t.put("select", new Schema("option", null, "com.atlassian.jira.plugin.system.customfieldtypes:select"));
        t.put("multiUser", new Schema("array", "user", "com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker"));
        t.put("text", new Schema("string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield"));
        TYPES = java.util.Collections.unmodifiableMap(t);
    }

    public record Schema(String type, String items, String custom) {
    }

    public record Option(String id, String value) {
        public Option {
            Objects.requireNonNull(id, "a select option needs an 'id'");
            Objects.requireNonNull(value, "a select option needs a 'value'");
            if (!dev.jirasim.simulator.common.Patterns.matches(id, "[0-9]{1,18}")) throw new IllegalArgumentException("option id must be numeric: " + id);
        }
    }

    public CustomField {
        Objects.requireNonNull(id, "a custom field needs an 'id'");
        Objects.requireNonNull(site, "a custom field needs a 'site'");
        Objects.requireNonNull(name, "a custom field needs a 'name'");
        Objects.requireNonNull(type, "a custom field needs a 'type'");
        if (!dev.jirasim.simulator.common.Patterns.matches(id, "customfield_[1-9][0-9]{4,9}")) throw new IllegalArgumentException("custom field id must be customfield_<n>, n ≥ 10000: " + id);
        if (!TYPES.containsKey(type)) throw new IllegalArgumentException("custom field type must be one of " + TYPES.keySet() + ": " + type);
        options = options == null ? List.of() : List.copyOf(options);
        if (!options.isEmpty() && !type.equals("select")) throw new IllegalArgumentException("only a select field has options: " + id);
    }

    /** The number after {@code customfield_}, as {@code schema.customId} and {@code cf[n]} name it. */
    @JsonIgnore
    public long number() {
        return Long.parseLong(id.substring("customfield_".length()));
    }

    @JsonIgnore
    public Schema schema() {
        return TYPES.get(type);
    }

    /**
     * Whether {@code value} is a value of this field in world form; {@code sprint} and {@code user} say which sprint
     * ids and people exist where the issue lives.
     */
    public boolean accepts(Object value, java.util.function.LongPredicate sprint, java.util.function.Predicate<String> user) {
        return switch (type) {
            case "storyPoints", "number" -> value instanceof Number;
            case "sprint" -> value instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number n && sprint.test(n.longValue()));
            case "team", "text" -> value instanceof String;
            case "date" -> value instanceof String d && dev.jirasim.simulator.common.Patterns.matches(d, "[0-9]{4}-[0-9]{2}-[0-9]{2}");
            case "select" -> value instanceof String v && option(v).filter(o -> o.value().equals(v)).isPresent();
            default -> value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String a && user.test(a));
        };
    }

    public java.util.Optional<Option> option(String idOrValue) {
        return options.stream().filter(o -> o.id().equals(idOrValue) || o.value().equals(idOrValue)).findFirst();
    }
}
