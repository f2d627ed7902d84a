package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Jira project on one site. {@code permissions} maps a user (e-mail or account id) to what they may do;
 * the key {@code "*"} stands for every member of the site. Project ids are numeric strings, keys start with
 * an upper-case letter followed by upper-case letters or digits (at most 10).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                      Map<String, List<Permission>> permissions, String description, List<Component> components,
                      List<Version> versions, String style) {
    /** {@code classic} (company-managed) or {@code next-gen} (team-managed), as Jira's {@code style} member says. */
    public static final List<String> STYLES = List.of("classic", "next-gen");


    /** A component: a part of the project issues can be filed against. Ids are numeric strings, unique on the site. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String id, String name, String description, String lead) {
        public Component {
            Objects.requireNonNull(id, "a component needs an 'id'");
            Objects.requireNonNull(name, "a component needs a 'name'");
            if (!id.matches("[0-9]{1,18}")) throw new IllegalArgumentException("component id must be numeric: " + id);
        }
    }

    /** A version (release) issues can be fixed in. Ids are numeric strings, unique on the site. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Version(String id, String name, String description, Boolean released, Boolean archived,
                          java.time.LocalDate startDate, java.time.LocalDate releaseDate) {
        public Version {
            if (released == null) released = false;
            if (archived == null) archived = false;
            Objects.requireNonNull(id, "a version needs an 'id'");
            Objects.requireNonNull(name, "a version needs a 'name'");
            if (!id.matches("[0-9]{1,18}")) throw new IllegalArgumentException("version id must be numeric: " + id);
        }
    }

    public Project {
        Objects.requireNonNull(id, "missing required field 'id'");
        Objects.requireNonNull(key, "missing required field 'key'");
        Objects.requireNonNull(site, "missing required field 'site'");
        if (!key.matches("[A-Z][A-Z0-9]{1,9}")) throw new IllegalArgumentException("project key must match [A-Z][A-Z0-9]{1,9}: " + key);
        if (!id.matches("[0-9]+")) throw new IllegalArgumentException("project id must be numeric: " + id);
        if (name == null) name = key;
        if (projectTypeKey == null) projectTypeKey = "software";
        permissions = permissions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(permissions));
        components = components == null ? List.of() : List.copyOf(components);
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (style == null) style = "classic";
        if (!STYLES.contains(style)) throw new IllegalArgumentException("project style must be one of " + STYLES + ": " + style);
    }

    /** A company-managed project with these details. */
    public Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                   Map<String, List<Permission>> permissions, String description, List<Component> components, List<Version> versions) {
        this(id, key, name, site, projectTypeKey, lead, permissions, description, components, versions, null);
    }

    /** Whether the project is team-managed ({@code simplified} in Jira's JSON). */
    public boolean teamManaged() {
        return style.equals("next-gen");
    }

    /** A project without a description, components or versions. */
    public Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                   Map<String, List<Permission>> permissions) {
        this(id, key, name, site, projectTypeKey, lead, permissions, null, null, null, null);
    }

    public java.util.Optional<Component> component(String idOrName) {
        return components.stream().filter(c -> c.id().equals(idOrName) || c.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    public java.util.Optional<Version> version(String idOrName) {
        return versions.stream().filter(v -> v.id().equals(idOrName) || v.name().equalsIgnoreCase(idOrName)).findFirst();
    }
}
