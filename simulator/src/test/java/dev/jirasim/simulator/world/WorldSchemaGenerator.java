package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes schemas/world.schema.json from the records the world loader binds, through Jackson's own view of them (names,
 * ignored members, enum spellings, creators), so the schema says exactly what {@link WorldFiles} reads.
 */
final class WorldSchemaGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("version", "The world-file format version: 1."),
            Map.entry("auth", "Token lifetimes, rotation and rate limits of the Atlassian authorization server."),
            Map.entry("jira", "Jira-wide settings: custom fields, workflows, search limits."),
            Map.entry("sites", "Atlassian Cloud sites (cloudId, subdomain, products)."),
            Map.entry("users", "Atlassian accounts and the sites they belong to."),
            Map.entry("apps", "OAuth 2.0 (3LO) apps: client id and secret, callback URLs, scopes."),
            Map.entry("consent", "How /authorize obtains the user's decision: interactive pages, or automatic."),
            Map.entry("projects", "Jira projects per site, with permissions per user or group."),
            Map.entry("generateIssues", "Issues made up from a seed, for large worlds."),
            Map.entry("issues", "Jira issues, with fields, comments, worklogs and history."),
            Map.entry("tokens", "Grants and tokens already issued (as an export writes them)."),
            Map.entry("nango", "The Nango environment: secret key, integrations, connections, webhooks."),
            Map.entry("dataCenter", "Jira Data Center instances, each with its OAuth 2.0 apps and users."),
            Map.entry("cloud", "Options of the Cloud side, such as where site URLs point."),
            Map.entry("webhooks", "Jira dynamic webhook settings and registrations."));

    private static final ObjectNode TEXT = F.objectNode();

    static {
        TEXT.putArray("type").add("string").add("number").add("boolean");
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> defs = new TreeMap<>();

    static ObjectNode generate() {
        return new WorldSchemaGenerator().root();
    }

    private ObjectNode root() {
        ObjectNode body = object(mapper.constructType(WorldFile.class));
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Jirasim world file");
        root.put("description", "A simulated world (YAML or JSON): see docs/world-file.md. Generated from the records the simulator reads "
                + "(WorldSchemaTest keeps it current); ${publicUrl} in any string stands for the simulator's base URL.");
        root.setAll(body);
        body.path("properties").fields().forEachRemaining(e -> {
            String text = SECTIONS.get(e.getKey());
            if (text != null && e.getValue() instanceof ObjectNode o) o.put("description", text);
        });
        ObjectNode d = root.putObject("$defs");
        defs.forEach(d::set);
        return root;
    }

    private JsonNode schemaFor(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw.isPrimitive()) return typed(raw == boolean.class ? "boolean" : raw == double.class || raw == float.class ? "number" : "integer");
        // Jackson reads a number or a boolean into a text field (YAML exports leave ids like 10000 unquoted).
        if (raw == String.class || raw == Character.class || raw == char.class) return TEXT.deepCopy();
        if (raw == Boolean.class || raw == boolean.class) return typed("boolean");
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == Short.class || raw == short.class) return typed("integer");
        if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) return typed("number");
        if (raw == Instant.class || raw == java.time.OffsetDateTime.class) return typed("string").put("format", "date-time");
        if (raw == java.time.LocalDate.class) return typed("string").put("format", "date");
        if (raw.getPackageName().equals("java.time")) return typed("string");
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) return F.objectNode();
        if (raw.isEnum()) return enumeration(raw);
        if (type.isCollectionLikeType() || type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
            return typed("array").set("items", schemaFor(type.getContentType()));
        }
        if (type.isMapLikeType()) return typed("object").set("additionalProperties", schemaFor(type.getContentType()));
        Method value = annotated(raw, JsonValue.class, false);
        if (value != null) return schemaFor(mapper.constructType(value.getGenericReturnType()));
        return reference(type);
    }

    private JsonNode reference(JavaType type) {
        Class<?> raw = type.getRawClass();
        String name = raw.getName().substring(raw.getPackageName().length() + 1).replace('$', '.');
        if (!defs.containsKey(name)) {
            defs.put(name, F.objectNode()); // a placeholder first: records may refer to themselves
            ObjectNode shape = object(type);
            Method delegating = annotated(raw, JsonCreator.class, true);
            if (delegating != null && delegating.getParameterCount() == 1
                    && delegating.getAnnotation(JsonCreator.class).mode() == JsonCreator.Mode.DELEGATING) {
                ObjectNode either = F.objectNode();
                either.putArray("anyOf").add(schemaFor(mapper.constructType(delegating.getGenericParameterTypes()[0]))).add(shape);
                defs.put(name, either);
            } else {
                defs.put(name, shape);
            }
        }
        return F.objectNode().put("$ref", "#/$defs/" + name);
    }

    /** An object with the properties Jackson deserializes, and no others. */
    private ObjectNode object(JavaType type) {
        var description = mapper.getDeserializationConfig().introspect(type);
        ObjectNode shape = typed("object");
        ObjectNode properties = shape.putObject("properties");
        for (BeanPropertyDefinition p : description.findProperties()) {
            if (!p.couldDeserialize()) continue;
            properties.set(p.getName(), schemaFor(p.getPrimaryType()));
        }
        shape.put("additionalProperties", false);
        return shape;
    }

    private ObjectNode enumeration(Class<?> raw) {
        ObjectNode node = F.objectNode();
        var values = node.putArray("enum");
        for (Object constant : raw.getEnumConstants()) values.add(mapper.valueToTree(constant));
        return node;
    }

    private static ObjectNode typed(String type) {
        return F.objectNode().put("type", type);
    }

    private static Method annotated(Class<?> raw, Class<? extends java.lang.annotation.Annotation> annotation, boolean isStatic) {
        for (Method m : raw.getDeclaredMethods()) {
            if (m.isAnnotationPresent(annotation) && Modifier.isStatic(m.getModifiers()) == isStatic) return m;
        }
        return null;
    }
}
