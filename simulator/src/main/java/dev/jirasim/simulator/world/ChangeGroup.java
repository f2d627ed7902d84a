package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an issue's changelog: who changed what, when (the world's clock). Ids are numeric strings, unique on
 * the site. {@code author} is an account id (Cloud) or a user key (Data Center); null for a change Jira made itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeGroup(String id, String author, Instant created, List<Item> items) {
    /**
     * One field's change, in Jira's item shape: {@code field} is the display name Jira uses (e.g. {@code status},
     * {@code assignee}, {@code Fix Version}, a custom field's name), {@code fieldtype} {@code jira} or {@code custom},
     * {@code fieldId} the field's id (absent for links, as on Jira), {@code from}/{@code to} ids and
     * {@code fromString}/{@code toString} what a person reads ({@code toText} here: a record cannot have a
     * {@code toString} member).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String field, String fieldtype, String fieldId, String from, String fromString, String to,
                       @com.fasterxml.jackson.annotation.JsonProperty("toString") String toText) {
        public Item {
            Objects.requireNonNull(field, "a change item needs a 'field'");
            if (fieldtype == null) fieldtype = "jira";
        }
    }

    public ChangeGroup {
        Objects.requireNonNull(id, "a changelog entry needs an 'id'");
        Objects.requireNonNull(created, "a changelog entry needs 'created'");
        if (!dev.jirasim.simulator.common.Patterns.matches(id, "[1-9][0-9]{0,17}")) throw new IllegalArgumentException("changelog id must be numeric: " + id);
        items = items == null ? List.of() : List.copyOf(items);
        if (items.isEmpty()) throw new IllegalArgumentException("changelog entry " + id + " changes nothing");
    }
}
