package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An instance's user directory as REST v2 reads it: {@code /user} by {@code username} or {@code key},
 * {@code /user/search} and {@code /user/assignable/search}. Users are named by {@code name} and {@code key},
 * never an account id. Every signed-in user may read the directory (DC's "Browse users" global permission,
 * which every Jira user holds by default); e-mail addresses are shown, as with DC's default e-mail visibility.
 */
final class DcUserService {
    /** {@code /user/search} truncates {@code maxResults} to 1000, {@code /user/assignable/search} to 100 (DC spec). */
    static final int SEARCH_CAP = 1000;
    static final int ASSIGNABLE_CAP = 100;
    static final int DEFAULT_MAX = 50;
    private static final Comparator<DcUser> ORDER = Comparator.comparing((DcUser u) -> u.displayName().toLowerCase(Locale.ROOT))
            .thenComparing(u -> u.name().toLowerCase(Locale.ROOT));

    private DcUserService() {
    }

    /** {@code GET /user}: {@code username} wins over {@code key}; neither, or an unknown one, is DC's 404. */
    static Map<String, Object> user(DcCaller c, String username, String key) {
        boolean byName = username != null || key == null;
        String wanted = byName ? username : key;
        DcUser u = c.dc().instance().users().stream()
                .filter(x -> wanted != null && (byName ? x.name().equalsIgnoreCase(wanted) : x.key().equals(wanted)))
                .findFirst()
                .orElseThrow(() -> DcErrors.rest(404, byName ? "The user named '" + wanted + "' does not exist"
                        : "The user with the key '" + wanted + "' does not exist"));
        return DcJson.user(c.base(), u, true);
    }

    /**
     * {@code GET /user/search}: users whose username, display name (or one of its words) or e-mail address starts
     * with {@code username}, ignoring case; {@code .} matches everyone, the form scripts use to list all users.
     */
    static List<Map<String, Object>> search(DcCaller c, String username, int startAt, int maxResults, boolean includeActive,
                                            boolean includeInactive) {
        if (username == null || username.isBlank()) throw DcErrors.rest(400, "The username query parameter was not provided");
        Predicate<DcUser> state = u -> u.active() ? includeActive : includeInactive;
        List<DcUser> found = c.dc().instance().users().stream().filter(state).filter(matches(username)).sorted(ORDER).toList();
        return page(c, found, startAt, maxResults, SEARCH_CAP);
    }

    /**
     * {@code GET /user/assignable/search}: active users who may be assigned issues in the project, or the issue's
     * project — here, those who may browse and edit there (as on the Cloud side); {@code username} narrows as in
     * user search. A project or issue the caller may not see does not exist.
     */
    static List<Map<String, Object>> assignable(DcCaller c, String projectRef, String issueKey, String username, int maxResults) {
        Project project;
        if (issueKey != null && !issueKey.isBlank()) {
            Issue issue = DcRestService.visible(c, issueKey);
            project = c.dc().jira().project(c.site(), issue.project()).orElseThrow();
        } else if (projectRef != null && !projectRef.isBlank()) {
            project = DcSchemaService.visibleProject(c, projectRef);
        } else {
            throw DcErrors.rest(400, "Either an issueKey or a project must be given.");
        }
        Predicate<DcUser> match = username == null || username.isBlank() ? u -> true : matches(username);
        var jira = c.dc().jira();
        List<DcUser> found = c.dc().instance().users().stream().filter(DcUser::active).filter(match)
                .filter(u -> c.dc().engineUser(u.key()).map(e -> jira.can(e, project, Permission.BROWSE) && jira.can(e, project, Permission.EDIT))
                        .orElse(false))
                .sorted(ORDER).toList();
        return page(c, found, 0, maxResults, ASSIGNABLE_CAP);
    }

    private static Predicate<DcUser> matches(String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        if (q.equals(".")) return u -> true;
        return u -> {
            String display = u.displayName().toLowerCase(Locale.ROOT);
            if (u.name().toLowerCase(Locale.ROOT).startsWith(q) || display.startsWith(q) || u.emailAddress().toLowerCase(Locale.ROOT).startsWith(q)) {
                return true;
            }
            for (String word : display.split("\\s+")) if (word.startsWith(q)) return true;
            return false;
        };
    }

    /** A bare array from {@code startAt}; {@code maxResults} above the cap is cut to it, not refused. */
    private static List<Map<String, Object>> page(DcCaller c, List<DcUser> users, int startAt, int maxResults, int cap) {
        if (startAt < 0) throw DcErrors.rest(400, "startAt must not be negative.");
        if (maxResults < 0) throw DcErrors.rest(400, "maxResults must not be negative.");
        int from = Math.min(startAt, users.size());
        int to = (int) Math.min(users.size(), (long) from + Math.min(maxResults, cap));
        return users.subList(from, to).stream().map(u -> DcJson.userInList(c.base(), u)).toList();
    }
}
