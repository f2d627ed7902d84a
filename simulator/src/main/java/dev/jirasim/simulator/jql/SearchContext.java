package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who is searching and when. {@code accountId} is null for an anonymous searcher ({@code currentUser()} then
 * matches nothing). {@code zone} resolves dates without a zone ("2026-01-31", {@code startOfDay()}), as Jira
 * uses the searcher's time zone. {@code canBrowse} decides which projects' issues may appear and which
 * project names are accepted. {@code users} resolves a JQL user value (account id; e-mail if the caller
 * wants that) and {@code projects} a project value: key in any case, numeric id, or name. {@code parts} resolves
 * a {@code component} or {@code fixVersion} value (name in any case, or id) among the projects the searcher may
 * browse, to its name.
 */
public record SearchContext(String accountId, Instant now, ZoneId zone, Predicate<Project> canBrowse,
                            Function<String, Optional<User>> users, Function<String, Optional<Project>> projects,
                            java.util.function.BiFunction<Part, String, Optional<String>> parts, Schema schema) {
    /** The site's custom fields and sprints, which JQL clauses may name ({@code cf[n]}, the field's name, {@code sprint}). */
    public record Schema(java.util.List<dev.jirasim.simulator.world.CustomField> customFields,
                         java.util.List<dev.jirasim.simulator.world.Sprint> sprints, java.util.List<Project> projects) {
        public static final Schema NONE = new Schema(java.util.List.of(), java.util.List.of());

        /**
         * Without the site's projects: an issue type id then stands for its name in every project (the projects
         * are what tell a team-managed project's own types from the site's).
         */
        public Schema(java.util.List<dev.jirasim.simulator.world.CustomField> customFields, java.util.List<dev.jirasim.simulator.world.Sprint> sprints) {
            this(customFields, sprints, java.util.List.of());
        }
    }

    /** A context without custom fields or sprints. */
    public SearchContext(String accountId, Instant now, ZoneId zone, Predicate<Project> canBrowse,
                         Function<String, Optional<User>> users, Function<String, Optional<Project>> projects,
                         java.util.function.BiFunction<Part, String, Optional<String>> parts) {
        this(accountId, now, zone, canBrowse, users, projects, parts, Schema.NONE);
    }

    /** What a {@code parts} lookup is for. */
    public enum Part { COMPONENT, VERSION }

    /** A context where every component and version value names itself (worlds without them, and tests). */
    public SearchContext(String accountId, Instant now, ZoneId zone, Predicate<Project> canBrowse,
                         Function<String, Optional<User>> users, Function<String, Optional<Project>> projects) {
        this(accountId, now, zone, canBrowse, users, projects, (part, text) -> Optional.of(text));
    }
    /** A user's zone id as a ZoneId; UTC when missing or unknown. */
    public static java.time.ZoneId zoneOf(String id) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException | NullPointerException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    /**
     * Component and version lookups over {@code projects} (those the searcher may browse): a name in any case or an
     * id gives the name; nothing there, Jira's "does not exist" error.
     */
    public static java.util.function.BiFunction<Part, String, Optional<String>> partsOf(java.util.Collection<Project> projects) {
        return (part, text) -> {
            for (Project p : projects) {
                Optional<String> name = part == Part.COMPONENT ? p.component(text).map(Project.Component::name)
                        : p.version(text).map(Project.Version::name);
                if (name.isPresent()) return name;
            }
            return Optional.empty();
        };
    }

    public SearchContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(canBrowse, "canBrowse");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(schema, "schema");
    }
}
