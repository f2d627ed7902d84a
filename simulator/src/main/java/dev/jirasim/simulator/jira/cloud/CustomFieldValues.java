package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.Sprint;
import dev.jirasim.simulator.world.User;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom field values between Jira's JSON and the world's form (see {@link CustomField}). Reading checks each
 * value against its field's type and names the bad ones in Jira's {@code errors} map (our wording).
 */
final class CustomFieldValues {
    private CustomFieldValues() {
    }

    /** The site's custom fields named in {@code fields}, applied over {@code current}; errors go to {@code errors}. */
    static Map<String, Object> read(CloudCaller c, JsonNode fields, Map<String, Object> current, Map<String, String> errors) {
        var out = new LinkedHashMap<>(current);
        for (CustomField f : c.world().jiraSettings().customFields(c.site().subdomain())) {
            if (!fields.has(f.id())) continue;
            JsonNode v = fields.get(f.id());
            if (v.isNull() || (v.isArray() && v.isEmpty())) {
                out.remove(f.id());
                continue;
            }
            try {
                out.put(f.id(), parse(c, f, v));
            } catch (IllegalArgumentException e) {
                errors.put(f.id(), e.getMessage());
            }
        }
        return out;
    }

    private static Object parse(CloudCaller c, CustomField f, JsonNode v) {
        String site = c.site().subdomain();
        return switch (f.type()) {
            case "storyPoints", "number" -> {
                if (!v.isNumber()) throw new IllegalArgumentException("Operation value must be a number");
                yield v.doubleValue();
            }
            case "sprint" -> {
                if (!v.canConvertToLong()) throw new IllegalArgumentException("Number value expected as the Sprint id.");
                long id = v.longValue();
                if (c.world().jiraSettings().sprint(site, id).isEmpty()) throw new IllegalArgumentException("Sprint with id " + id + " does not exist.");
                yield List.of(id);
            }
            case "team", "text" -> {
                if (!v.isTextual()) throw new IllegalArgumentException("Operation value must be a string");
                yield v.asText();
            }
            case "date" -> {
                try {
                    yield LocalDate.parse(v.asText()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Error parsing date string: " + v.asText());
                }
            }
            case "select" -> {
                String ref = v.isObject() ? (v.has("id") ? v.get("id").asText() : v.path("value").asText(null)) : null;
                if (ref == null) throw new IllegalArgumentException("Specify the option as {\"value\": …} or {\"id\": …}.");
                yield f.option(ref).orElseThrow(() -> new IllegalArgumentException("Option value '" + ref + "' is not valid")).value();
            }
            default -> { // multiUser
                if (!v.isArray()) throw new IllegalArgumentException("Operation value must be a list of users.");
                var ids = new ArrayList<String>();
                for (JsonNode u : v) {
                    String id = u.path("accountId").asText(null);
                    User user = id == null ? null : c.world().user(id).filter(x -> x.accountId().equals(id) && x.memberOf(site)).orElse(null);
                    if (user == null) throw new IllegalArgumentException("Specify a valid value for " + f.name());
                    if (!ids.contains(id)) ids.add(id);
                }
                yield ids;
            }
        };
    }

    /** A stored value as Jira writes it in {@code fields}; null when the issue has none. */
    static Object render(CloudCaller c, CustomField f, Object value) {
        if (value == null) return null;
        String site = c.site().subdomain();
        return switch (f.type()) {
            case "storyPoints", "number" -> ((Number) value).doubleValue(); // Jira writes these as decimals: 5.0
            case "sprint" -> {
                var sprints = new ArrayList<Object>();
                for (Object id : (List<?>) value) {
                    c.world().jiraSettings().sprint(site, ((Number) id).longValue()).ifPresent(s -> sprints.add(sprint(s)));
                }
                yield sprints;
            }
            // The team object's shape is UNCONFIRMED (reference jira-cloud-more §4): we write the id and a name.
            case "team" -> Map.of("id", value, "name", value);
            case "select" -> f.option((String) value).map(o -> (Object) Map.of("self", c.apiBase() + "/customFieldOption/" + o.id(),
                    "value", o.value(), "id", o.id())).orElse(null);
            case "multiUser" -> ((List<?>) value).stream().map(id -> c.world().user((String) id).orElse(null))
                    .filter(java.util.Objects::nonNull).map(u -> JiraJson.user(c, u)).toList();
            default -> value;
        };
    }

    /** A sprint as the Sprint field shows it (members from integrators' fixtures; reference jira-cloud-more §4). */
    static Map<String, Object> sprint(Sprint s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("state", s.state());
        m.put("boardId", s.boardId());
        if (s.goal() != null) m.put("goal", s.goal());
        if (s.startDate() != null) m.put("startDate", JiraJson.iso(s.startDate()));
        if (s.endDate() != null) m.put("endDate", JiraJson.iso(s.endDate()));
        if (s.completeDate() != null) m.put("completeDate", JiraJson.iso(s.completeDate()));
        return m;
    }
}
