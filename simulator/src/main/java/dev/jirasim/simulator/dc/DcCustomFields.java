package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.Sprint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's custom fields as DC's REST v2 shows and takes them. Where DC differs from Cloud: the Story Points
 * field of Jira Software DC is a plain number field ({@code customfieldtypes:float}, not Cloud's
 * {@code jsw-story-points}); the Sprint field's schema is an array of {@code string} and its value the sprint's
 * {@code toString()} form ({@code com.atlassian.greenhopper.service.sprint.Sprint@…[id=…,…]}), which DC never
 * replaced with Cloud's JSON objects; people are {@code UserBean}s by name and key; a select option carries
 * {@code disabled}. {@code /field} names each field by {@code cf[n]} and its name in {@code clauseNames}.
 */
final class DcCustomFields {
    /** DC's {@code schema} per world type ({@code team} does not exist on DC instances: the world refuses it). */
    private static final Map<String, CustomField.Schema> SCHEMAS = Map.of(
            "storyPoints", new CustomField.Schema("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"),
            "number", new CustomField.Schema("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"),
            "sprint", new CustomField.Schema("array", "string", "com.pyxis.greenhopper.jira:gh-sprint"),
            "date", new CustomField.Schema("date", null, "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
            "select", new CustomField.Schema("option", null, "com.atlassian.jira.plugin.system.customfieldtypes:select"),
            "multiUser", new CustomField.Schema("array", "user", "com.atlassian.jira.plugin.system.customfieldtypes:multiuserpicker"),
            "text", new CustomField.Schema("string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield"));
    private static final DateTimeFormatter SPRINT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private DcCustomFields() {
    }

    static List<CustomField> of(DcCaller c) {
        return c.dc().instance().customFields();
    }

    /** {@code JsonTypeBean}: {@code type}, {@code items} for arrays, {@code custom} and {@code customId}. */
    static Map<String, Object> schema(CustomField f) {
        CustomField.Schema s = SCHEMAS.get(f.type());
        var m = new LinkedHashMap<String, Object>();
        m.put("type", s.type());
        if (s.items() != null) m.put("items", s.items());
        m.put("custom", s.custom());
        m.put("customId", f.number());
        return m;
    }

    /** {@code FieldBean} of a custom field. */
    static Map<String, Object> field(CustomField f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("custom", true);
        m.put("orderable", true);
        m.put("navigable", true);
        m.put("searchable", true);
        m.put("clauseNames", List.of("cf[" + f.number() + "]", f.name()));
        m.put("schema", schema(f));
        return m;
    }

    /** {@code FieldMetaBean} on a screen: never required; a select lists its options. */
    static Map<String, Object> meta(DcCaller c, CustomField f, boolean creating) {
        var m = new LinkedHashMap<String, Object>();
        m.put("required", false);
        m.put("schema", schema(f));
        m.put("name", f.name());
        m.put("fieldId", f.id());
        if (creating) m.put("hasDefaultValue", false);
        m.put("operations", f.type().equals("multiUser") ? List.of("add", "set", "remove") : List.of("set"));
        if (f.type().equals("select")) m.put("allowedValues", f.options().stream().map(o -> option(c.base(), o)).toList());
        return m;
    }

    /** An option as an issue and the screens show it ({@code CustomFieldOptionJsonBean}: the id a string). */
    static Map<String, Object> option(String base, CustomField.Option o) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/customFieldOption/" + o.id());
        m.put("value", o.value());
        m.put("id", o.id());
        m.put("disabled", false);
        return m;
    }

    /** {@code GET /customFieldOption/{id}}: {@code CustomFieldOptionBean}, whose id the DC document types as a number. */
    static Map<String, Object> option(DcCaller c, String id) {
        for (CustomField f : of(c)) {
            Optional<CustomField.Option> o = f.options().stream().filter(x -> x.id().equals(id)).findFirst();
            if (o.isPresent()) {
                var m = new LinkedHashMap<String, Object>();
                m.put("self", c.base() + "/rest/api/2/customFieldOption/" + id);
                m.put("value", o.get().value());
                m.put("id", Long.parseLong(id));
                m.put("disabled", false);
                return m;
            }
        }
        throw DcErrors.rest(404, "A custom field option with id '" + id + "' does not exist");
    }

    /** A stored value (world form) as DC writes it in {@code fields}; null when the issue has none. */
    static Object render(DcCaller c, CustomField f, Object value) {
        if (value == null) return null;
        return switch (f.type()) {
            case "storyPoints", "number" -> ((Number) value).doubleValue();
            case "sprint" -> {
                var out = new ArrayList<String>();
                for (Object id : (List<?>) value) c.dc().instance().sprint(((Number) id).longValue()).ifPresent(s -> out.add(sprint(s)));
                yield out;
            }
            case "select" -> f.option((String) value).map(o -> (Object) option(c.base(), o)).orElse(null);
            case "multiUser" -> ((List<?>) value).stream().map(k -> c.dc().instance().user((String) k).orElse(null))
                    .filter(java.util.Objects::nonNull).map(u -> DcJson.user(c.base(), u, false)).toList();
            default -> value;
        };
    }

    /** The Sprint field's value on DC: the sprint's {@code toString()}, which DC clients parse. */
    static String sprint(Sprint s) {
        return "com.atlassian.greenhopper.service.sprint.Sprint@" + Integer.toHexString(Long.hashCode(s.id() * 0x9E3779B97F4A7C15L))
                + "[id=" + s.id() + ",rapidViewId=" + s.boardId() + ",state=" + s.state().toUpperCase(Locale.ROOT) + ",name=" + s.name()
                + ",startDate=" + time(s.startDate()) + ",endDate=" + time(s.endDate()) + ",completeDate=" + time(s.completeDate())
                + ",activatedDate=" + time(s.state().equals("future") ? null : s.startDate()) + ",sequence=" + s.id()
                + ",goal=" + (s.goal() == null ? "<null>" : s.goal()) + ",autoStartStop=false,synced=false]";
    }

    private static String time(Instant t) {
        return t == null ? "<null>" : SPRINT_TIME.format(t);
    }

    /** The instance's custom fields named in {@code fields}, applied over {@code current}; bad values go to {@code errors}. */
    static Map<String, Object> read(DcCaller c, JsonNode fields, Map<String, Object> current, Map<String, String> errors) {
        var out = new LinkedHashMap<>(current);
        for (CustomField f : of(c)) {
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

    private static Object parse(DcCaller c, CustomField f, JsonNode v) {
        return switch (f.type()) {
            case "storyPoints", "number" -> {
                if (!v.isNumber()) throw new IllegalArgumentException("Operation value must be a number");
                yield v.doubleValue();
            }
            case "sprint" -> {
                // DC takes the sprint's id, as a number (or a numeric string).
                if (!v.canConvertToLong() && !(v.isTextual() && v.asText().matches("[0-9]{1,18}"))) {
                    throw new IllegalArgumentException("Number value expected as the Sprint id.");
                }
                long id = v.isTextual() ? Long.parseLong(v.asText()) : v.longValue();
                if (c.dc().instance().sprint(id).isEmpty()) throw new IllegalArgumentException("Sprint with id " + id + " does not exist.");
                yield List.of(id);
            }
            case "text" -> {
                if (!v.isTextual()) throw new IllegalArgumentException("Operation value must be a string");
                yield v.asText();
            }
            case "date" -> {
                try {
                    if (!v.isTextual()) throw new DateTimeParseException("not text", v.toString(), 0);
                    yield LocalDate.parse(v.asText()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Error parsing date string: " + v.asText());
                }
            }
            case "select" -> {
                if (!v.isObject()) throw new IllegalArgumentException("Could not find valid 'id' or 'value' in the Parent Option object.");
                if (v.hasNonNull("id")) {
                    String id = v.get("id").asText();
                    yield f.options().stream().filter(o -> o.id().equals(id)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("Option id '" + id + "' is not valid")).value();
                }
                if (!v.path("value").isTextual()) throw new IllegalArgumentException("Could not find valid 'id' or 'value' in the Parent Option object.");
                String value = v.get("value").asText();
                yield f.options().stream().filter(o -> o.value().equals(value)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Option value '" + value + "' is not valid")).value();
            }
            default -> { // multiUser: [{"name": …}] or [{"key": …}]
                if (!v.isArray()) throw new IllegalArgumentException("data was not an array");
                var keys = new ArrayList<String>();
                for (JsonNode u : v) {
                    String name = u.path("name").isTextual() ? u.get("name").asText() : null;
                    String key = u.path("key").isTextual() ? u.get("key").asText() : null;
                    Optional<DcUser> user = name != null ? c.dc().instance().users().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst()
                            : key != null ? c.dc().instance().users().stream().filter(x -> x.key().equals(key)).findFirst() : Optional.empty();
                    if (user.isEmpty() || !user.get().active()) {
                        throw new IllegalArgumentException("The user '" + (name != null ? name : key) + "' does not exist.");
                    }
                    if (!keys.contains(user.get().key())) keys.add(user.get().key());
                }
                yield keys;
            }
        };
    }
}
