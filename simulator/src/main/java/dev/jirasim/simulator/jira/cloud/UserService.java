package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The people of one site: {@code /user}, {@code /user/bulk}, {@code /user/search}, {@code /users/search} and
 * {@code /user/assignable/search}. Only members of the caller's site exist here. Messages for a missing
 * {@code accountId} and an unknown user are the ones clients quote from real sites.
 */
final class UserService {
    /** Jira's user searches stop at the 1000th match (reference jira-cloud-more §2). */
    static final int WINDOW = 1000;
    static final String NO_SUCH_USER = "Specified user does not exist or you do not have required permissions";

    private UserService() {
    }

    private static List<User> members(CloudCaller c) {
        return c.world().users().stream().filter(u -> u.memberOf(c.site().subdomain())).toList();
    }

    /** {@code GET /user}: one member by account id. */
    static Map<String, Object> user(CloudCaller c, String accountId, String expand) {
        if (accountId == null || accountId.isBlank()) throw JiraErrors.badRequest("The 'accountId' query parameter needs to be provided");
        User u = c.world().user(accountId).filter(x -> x.accountId().equals(accountId))
                .filter(x -> x.memberOf(c.site().subdomain()))
                .orElseThrow(() -> JiraErrors.message(404, NO_SUCH_USER));
        var m = new LinkedHashMap<>(JiraJson.user(c, u));
        m.putAll(groupsAndRoles(c, u, expand));
        return m;
    }

    /** {@code groups} and {@code applicationRoles}, their items only where {@code expand} asks (as Jira answers). */
    static Map<String, Object> groupsAndRoles(CloudCaller c, User u, String expand) {
        var parts = expand == null ? List.<String>of() : List.of(expand.replace(" ", "").split(","));
        var groups = GroupService.of(c, u);
        var m = new LinkedHashMap<String, Object>();
        m.put("groups", Map.of("size", groups.size(), "items", parts.contains("groups") ? groups : List.of()));
        m.put("applicationRoles", Map.of("size", 1, "items", List.of()));
        m.put("expand", "groups,applicationRoles");
        return m;
    }

    /** {@code GET /user/bulk}: the members among the given account ids (unknown ones are left out), a PageBean. */
    static Map<String, Object> bulk(CloudCaller c, List<String> accountIds, int startAt, int maxResults) {
        if (accountIds.isEmpty()) throw JiraErrors.badRequest("The 'accountId' query parameter needs to be provided");
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(1, Math.min(200, maxResults));
        var members = new java.util.HashMap<String, User>();
        members(c).forEach(u -> members.put(u.accountId(), u));
        var found = new ArrayList<User>();
        for (String id : accountIds) {
            User u = members.get(id);
            if (u != null && !found.contains(u)) found.add(u);
        }
        return pageBean(c, "/user/bulk", found, startAt, max);
    }

    /**
     * {@code GET /user/search}: active members whose display name or e-mail starts with {@code query} (or one
     * of its words does), or the one with {@code accountId}; exactly one of the two.
     */
    static List<Map<String, Object>> search(CloudCaller c, String query, String accountId, int startAt, int maxResults) {
        boolean hasQuery = query != null && !query.isBlank();
        boolean hasId = accountId != null && !accountId.isBlank();
        if (hasQuery && hasId) throw JiraErrors.badRequest("Only one of the 'query' and 'accountId' parameters may be provided.");
        if (!hasQuery && !hasId) throw JiraErrors.badRequest("One of the 'query', 'accountId' or 'property' parameters must be provided.");
        Predicate<User> match = hasId ? u -> u.accountId().equals(accountId) : matches(query);
        return window(c, members(c).stream().filter(UserService::active).filter(match).toList(), startAt, maxResults);
    }

    /** {@code GET /users/search}: every member, active or not, in account-id order. */
    static List<Map<String, Object>> all(CloudCaller c, int startAt, int maxResults) {
        return window(c, members(c), startAt, maxResults);
    }

    /**
     * {@code GET /user/assignable/search}: active members who may be assigned issues in the project (or the
     * issue's project) — here, those who may browse and edit there; {@code query} narrows as in user search.
     */
    static List<Map<String, Object>> assignable(CloudCaller c, String projectRef, String issueKey, String issueId, String query,
                                                String accountId, int startAt, int maxResults) {
        Project project;
        if (issueKey != null || issueId != null) {
            Issue issue = IssueService.visibleIssue(c, issueKey != null ? issueKey : issueId);
            project = c.world().jira().project(c.site().subdomain(), issue.project()).orElseThrow();
        } else if (projectRef != null && !projectRef.isBlank()) {
            project = ProjectService.visible(c, projectRef);
        } else {
            throw JiraErrors.badRequest("One of the following parameters must be provided: project, issueKey, issueId.");
        }
        Predicate<User> match = query != null && !query.isBlank() ? matches(query) : u -> true;
        Predicate<User> byId = accountId != null && !accountId.isBlank() ? u -> u.accountId().equals(accountId) : u -> true;
        var people = members(c).stream().filter(UserService::active).filter(match).filter(byId)
                .filter(u -> c.world().jira().can(u, project, Permission.BROWSE) && c.world().jira().can(u, project, Permission.EDIT))
                .toList();
        return window(c, people, startAt, maxResults);
    }

    private static boolean active(User u) {
        return "active".equals(u.accountStatus());
    }

    /** Prefix match on the display name, its words, or the e-mail address, ignoring case. */
    private static Predicate<User> matches(String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        return u -> {
            String name = u.displayName().toLowerCase(Locale.ROOT);
            if (name.startsWith(q) || u.email().toLowerCase(Locale.ROOT).startsWith(q)) return true;
            for (String word : name.split("\\s+")) if (word.startsWith(q)) return true;
            return false;
        };
    }

    /** A bare array page: {@code startAt}/{@code maxResults} (default 50) inside Jira's 1000-user window. */
    private static List<Map<String, Object>> window(CloudCaller c, List<User> users, int startAt, int maxResults) {
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        if (maxResults < 0) throw JiraErrors.badRequest("The maxResults parameter must not be negative.");
        List<User> capped = users.subList(0, Math.min(users.size(), WINDOW));
        int from = Math.min(startAt, capped.size());
        int to = (int) Math.min(capped.size(), (long) from + Math.min(maxResults, WINDOW));
        return capped.subList(from, to).stream().map(u -> JiraJson.user(c, u)).toList();
    }

    private static Map<String, Object> pageBean(CloudCaller c, String path, List<User> users, int startAt, int max) {
        var values = new ArrayList<Object>();
        int from = Math.min(startAt, users.size());
        for (User u : users.subList(from, (int) Math.min(users.size(), (long) from + max))) values.add(JiraJson.user(c, u));
        boolean last = (long) startAt + max >= users.size();
        var body = new LinkedHashMap<String, Object>();
        body.put("self", c.apiBase() + path + "?startAt=" + startAt + "&maxResults=" + max);
        if (!last) body.put("nextPage", c.apiBase() + path + "?startAt=" + (startAt + max) + "&maxResults=" + max);
        body.put("maxResults", max);
        body.put("startAt", startAt);
        body.put("total", users.size());
        body.put("isLast", last);
        body.put("values", values);
        return body;
    }
}
