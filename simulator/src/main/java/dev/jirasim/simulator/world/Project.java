package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Jira project on one site. {@code permissions} maps a user (e-mail or account id) to what they may do;
 * the key {@code "*"} stands for every member of the site, the key {@code "anonymous"} for callers of the site host
 * without accepted credentials. Project ids are numeric strings, keys start with
 * an upper-case letter followed by upper-case letters or digits (at most 10).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                      Map<String, List<Permission>> permissions, String description, List<Component> components,
                      List<Version> versions, String style, List<IssueTypeRef> issueTypes, Map<String, String> workflowScheme) {
    /** {@code classic} (company-managed) or {@code next-gen} (team-managed), as Jira's {@code style} member says. */
    public static final List<String> STYLES = List.of("classic", "next-gen");


    /** A component: a part of the project issues can be filed against. Ids are numeric strings, unique on the site. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String id, String name, String description, String lead) {
        public Component {
            Objects.requireNonNull(id, "a component needs an 'id'");
            Objects.requireNonNull(name, "a component needs a 'name'");
            if (!dev.jirasim.simulator.common.Patterns.matches(id, "[0-9]{1,18}")) throw new IllegalArgumentException("component id must be numeric: " + id);
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
            if (!dev.jirasim.simulator.common.Patterns.matches(id, "[0-9]{1,18}")) throw new IllegalArgumentException("version id must be numeric: " + id);
        }
    }

    /**
     * One issue type of the project's scheme, by its catalog name. A team-managed project's types are its own
     * (Jira scopes them to the project and gives them their own ids), so there {@code id} is the project's id for
     * the type; left out, one is assigned when the project joins the world. A company-managed project uses the
     * site's shared types, whose ids are the catalog's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueTypeRef(String name, String id) {
        public IssueTypeRef {
            Objects.requireNonNull(name, "an issue type of a project needs a 'name'");
            String given = name;
            var known = JiraCatalog.issueType(given).filter(t -> t.name().equalsIgnoreCase(given))
                    .orElseThrow(() -> new IllegalArgumentException("unknown issue type " + given + "; one of "
                            + JiraCatalog.ISSUE_TYPES.stream().map(JiraCatalog.IssueType::name).toList()));
            name = known.name();
            if (id != null && !dev.jirasim.simulator.common.Patterns.matches(id, "[1-9][0-9]{0,17}")) throw new IllegalArgumentException("issue type id must be numeric: " + id);
        }

        /** A world file may list a type by name alone. */
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static IssueTypeRef named(String name) {
            return new IssueTypeRef(name, null);
        }
    }

    /** The types a new company-managed project gets (all of the catalog). */
    public static final List<String> DEFAULT_TYPES = JiraCatalog.ISSUE_TYPES.stream().map(JiraCatalog.IssueType::name).toList();

    /** The permissions key for anonymous callers of the site host. */
    public static final String ANONYMOUS = "anonymous";

    public Project {
        Objects.requireNonNull(id, "missing required field 'id'");
        Objects.requireNonNull(key, "missing required field 'key'");
        Objects.requireNonNull(site, "missing required field 'site'");
        if (!dev.jirasim.simulator.common.Patterns.matches(key, "[A-Z][A-Z0-9]{1,9}")) throw new IllegalArgumentException("project key must match [A-Z][A-Z0-9]{1,9}: " + key);
        if (!dev.jirasim.simulator.common.Patterns.matches(id, "[0-9]+")) throw new IllegalArgumentException("project id must be numeric: " + id);
        if (name == null) name = key;
        if (projectTypeKey == null) projectTypeKey = "software";
        permissions = permissions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(permissions));
        components = components == null ? List.of() : List.copyOf(components);
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (style == null) style = "classic";
        if (!STYLES.contains(style)) throw new IllegalArgumentException("project style must be one of " + STYLES + ": " + style);
        if (issueTypes == null || issueTypes.isEmpty()) issueTypes = DEFAULT_TYPES.stream().map(IssueTypeRef::named).toList();
        var names = new java.util.HashSet<String>();
        var refs = new java.util.ArrayList<IssueTypeRef>();
        for (IssueTypeRef t : issueTypes) {
            if (!names.add(t.name())) throw new IllegalArgumentException("project " + key + " lists issue type " + t.name() + " twice");
            String catalogId = JiraCatalog.issueType(t.name()).orElseThrow().id();
            if (!style.equals("next-gen")) {
                if (t.id() != null && !t.id().equals(catalogId)) {
                    throw new IllegalArgumentException("project " + key + " is company-managed: issue type " + t.name() + " has the site's id " + catalogId + ", not " + t.id());
                }
                refs.add(new IssueTypeRef(t.name(), catalogId));
            } else {
                refs.add(t);
            }
        }
        if (refs.stream().noneMatch(t -> JiraCatalog.issueType(t.name()).orElseThrow().hierarchyLevel() == 0)) {
            throw new IllegalArgumentException("project " + key + " needs at least one standard issue type (Task, Bug or Story)");
        }
        issueTypes = List.copyOf(refs);
        workflowScheme = workflowScheme == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(workflowScheme));
        for (String type : workflowScheme.keySet()) {
            if (!type.equals("default") && names.stream().noneMatch(type::equalsIgnoreCase)) {
                throw new IllegalArgumentException("project " + key + " maps issue type " + type + " to a workflow, but its scheme does not have it");
            }
        }
    }

    /** A project with these details, the default issue types and every type on the simplified workflow. */
    public Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                   Map<String, List<Permission>> permissions, String description, List<Component> components, List<Version> versions,
                   String style) {
        this(id, key, name, site, projectTypeKey, lead, permissions, description, components, versions, style, null, null);
    }

    /** A company-managed project with these details. */
    public Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                   Map<String, List<Permission>> permissions, String description, List<Component> components, List<Version> versions) {
        this(id, key, name, site, projectTypeKey, lead, permissions, description, components, versions, null, null, null);
    }

    /** Whether the project is team-managed ({@code simplified} in Jira's JSON). */
    public boolean teamManaged() {
        return style.equals("next-gen");
    }

    /** A project without a description, components or versions. */
    public Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                   Map<String, List<Permission>> permissions) {
        this(id, key, name, site, projectTypeKey, lead, permissions, null, null, null, null, null, null);
    }

    public java.util.Optional<Component> component(String idOrName) {
        return components.stream().filter(c -> c.id().equals(idOrName) || c.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    public java.util.Optional<Version> version(String idOrName) {
        return versions.stream().filter(v -> v.id().equals(idOrName) || v.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    /** This project with other name, lead and description; everything else kept. */
    public Project withDetails(String name, String lead, String description) {
        return new Project(id, key, name, site, projectTypeKey, lead, permissions, description, components, versions, style, issueTypes, workflowScheme);
    }

    /** This project with these issue types (ids assigned). */
    public Project withIssueTypes(List<IssueTypeRef> types) {
        return new Project(id, key, name, site, projectTypeKey, lead, permissions, description, components, versions, style, types, workflowScheme);
    }

    /** The scheme's entry for a type (by name or id), if the project has it. */
    public java.util.Optional<IssueTypeRef> issueType(String nameOrId) {
        if (nameOrId == null) return java.util.Optional.empty();
        return issueTypes.stream().filter(t -> nameOrId.equals(t.id()) || t.name().equalsIgnoreCase(nameOrId)).findFirst();
    }

    /** The workflow name the scheme gives a type, or the scheme's default; empty means Jira's simplified workflow. */
    public java.util.Optional<String> workflowName(String issueType) {
        for (var e : workflowScheme.entrySet()) if (e.getKey().equalsIgnoreCase(issueType)) return java.util.Optional.of(e.getValue());
        return java.util.Optional.ofNullable(workflowScheme.get("default"));
    }

    /** The project's issue types as Jira describes them: the shared ones, or (team-managed) its own, in scheme order. */
    public List<JiraCatalog.IssueType> types() {
        return issueTypes.stream().map(this::type).toList();
    }

    /** The full type for an entry of this project's scheme. */
    public JiraCatalog.IssueType type(IssueTypeRef ref) {
        var shared = JiraCatalog.issueType(ref.name()).orElseThrow();
        return teamManaged() ? shared.scopedTo(id, ref.id()) : shared;
    }

    /** The type an issue of this project with this type name has (the catalog's for a name the scheme lacks). */
    public JiraCatalog.IssueType typeNamed(String name) {
        return issueType(name).filter(r -> r.name().equalsIgnoreCase(name)).map(this::type)
                .orElseGet(() -> JiraCatalog.issueType(name).orElseThrow());
    }
}
