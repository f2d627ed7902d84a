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
 * wants that) and {@code projects} a project value: key in any case, numeric id, or name.
 */
public record SearchContext(String accountId, Instant now, ZoneId zone, Predicate<Project> canBrowse,
                            Function<String, Optional<User>> users, Function<String, Optional<Project>> projects) {
    /** A user's zone id as a ZoneId; UTC when missing or unknown. */
    public static java.time.ZoneId zoneOf(String id) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException | NullPointerException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    public SearchContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(canBrowse, "canBrowse");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(projects, "projects");
    }
}
