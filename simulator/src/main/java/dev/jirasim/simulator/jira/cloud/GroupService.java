package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.Html;
import dev.jirasim.simulator.world.Group;
import dev.jirasim.simulator.world.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The site's groups: a user's groups, a group's members (for administrators), and the pickers that find groups
 * (and users) by a part of their name. Groups come from the world ({@code jira.groups}).
 */
final class GroupService {
    private GroupService() {
    }

    private static List<Group> groups(CloudCaller c) {
        return c.world().jiraSettings().groups(c.site().subdomain());
    }

    /** {@code GroupName}: name, id and a link to the group. */
    static Map<String, Object> name(CloudCaller c, Group g) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", g.name());
        m.put("groupId", g.id());
        m.put("self", c.apiBase() + "/group?groupId=" + g.id());
        return m;
    }

    /** The groups a user belongs to. */
    static List<Map<String, Object>> of(CloudCaller c, User u) {
        return groups(c).stream().filter(g -> g.has(u)).map(g -> name(c, g)).toList();
    }

    /** {@code GET /user/groups?accountId=}. */
    static List<Map<String, Object>> userGroups(CloudCaller c, String accountId) {
        if (accountId == null || accountId.isBlank()) throw JiraErrors.badRequest("The 'accountId' query parameter needs to be provided");
        User u = c.world().user(accountId).filter(x -> x.accountId().equals(accountId) && x.memberOf(c.site().subdomain()))
                .orElseThrow(() -> JiraErrors.message(404, UserService.NO_SUCH_USER));
        return of(c, u);
    }

    private static Group find(CloudCaller c, String groupId, String groupName) {
        if ((groupId == null || groupId.isBlank()) && (groupName == null || groupName.isBlank())) {
            throw JiraErrors.badRequest("Either the 'groupname' or the 'groupId' parameter must be provided.");
        }
        return groups(c).stream().filter(g -> groupId != null ? g.id().equals(groupId) : g.name().equalsIgnoreCase(groupName)).findFirst()
                .orElseThrow(() -> JiraErrors.message(404, "Specified group does not exist."));
    }

    /** The deprecated {@code GET /group}: the group and its member count (members are on /group/member). */
    static Map<String, Object> group(CloudCaller c, String groupId, String groupName) {
        Group g = find(c, groupId, groupName);
        var m = new LinkedHashMap<String, Object>(name(c, g));
        var users = new LinkedHashMap<String, Object>();
        users.put("size", members(c, g, true).size());
        users.put("items", List.of());
        users.put("max-results", 50);
        users.put("start-index", 0);
        users.put("end-index", 0);
        m.put("users", users);
        m.put("expand", "users");
        return m;
    }

    private static List<User> members(CloudCaller c, Group g, boolean inactiveToo) {
        return c.world().users().stream().filter(u -> u.memberOf(c.site().subdomain()) && g.has(u))
                .filter(u -> inactiveToo || "active".equals(u.accountStatus())).toList();
    }

    /** {@code GET /group/member}: for a site administrator (Jira asks for Administer Jira), a PageBean of users. */
    static Map<String, Object> memberPage(CloudCaller c, String groupId, String groupName, boolean inactiveToo, int startAt, int maxResults) {
        if (!c.user().siteAdmin().contains(c.site().subdomain())) {
            throw JiraErrors.message(403, "You do not have permission to view the members of this group.");
        }
        Group g = find(c, groupId, groupName);
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(1, Math.min(maxResults, 50));
        List<User> all = members(c, g, inactiveToo);
        int from = Math.min(startAt, all.size());
        boolean last = (long) from + max >= all.size();
        String url = c.apiBase() + "/group/member?groupId=" + g.id();
        var body = new LinkedHashMap<String, Object>();
        body.put("self", url + "&includeInactiveUsers=" + inactiveToo + "&startAt=" + startAt + "&maxResults=" + max);
        if (!last) body.put("nextPage", url + "&includeInactiveUsers=" + inactiveToo + "&startAt=" + (from + max) + "&maxResults=" + max);
        body.put("maxResults", max);
        body.put("startAt", startAt);
        body.put("total", all.size());
        body.put("isLast", last);
        body.put("values", all.subList(from, (int) Math.min(all.size(), (long) from + max)).stream().map(u -> JiraJson.user(c, u)).toList());
        return body;
    }

    /** {@code GET /groups/picker}: groups whose name contains {@code query}, the match in bold in {@code html}. */
    static Map<String, Object> picker(CloudCaller c, String query, int maxResults) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        var matched = groups(c).stream().filter(g -> g.name().toLowerCase(Locale.ROOT).contains(q)).toList();
        int max = Math.max(0, Math.min(maxResults, 1000));
        var shown = new ArrayList<Map<String, Object>>();
        for (Group g : matched.subList(0, Math.min(max, matched.size()))) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", g.name());
            m.put("html", bold(g.name(), q));
            m.put("labels", List.of());
            m.put("groupId", g.id());
            shown.add(m);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("header", "Showing " + shown.size() + " of " + matched.size() + " matching groups");
        body.put("total", matched.size());
        body.put("groups", shown);
        return body;
    }

    /** {@code GET /groupuserpicker}: the user picker and the group picker for one query. */
    static Map<String, Object> usersAndGroups(CloudCaller c, String query, int maxResults) {
        if (query == null || query.isBlank()) throw JiraErrors.badRequest("The 'query' parameter is required.");
        String q = query.toLowerCase(Locale.ROOT);
        var people = c.world().users().stream().filter(u -> u.memberOf(c.site().subdomain()) && "active".equals(u.accountStatus()))
                .filter(u -> u.displayName().toLowerCase(Locale.ROOT).contains(q) || u.emailVisibleTo(c.user().accountId())
                        && u.email().toLowerCase(Locale.ROOT).startsWith(q)).toList();
        int max = Math.max(0, Math.min(maxResults, 1000));
        var shown = new ArrayList<Map<String, Object>>();
        for (User u : people.subList(0, Math.min(max, people.size()))) {
            var m = new LinkedHashMap<String, Object>();
            m.put("accountId", u.accountId());
            m.put("accountType", u.accountType());
            m.put("html", bold(u.displayName(), q));
            m.put("displayName", u.displayName());
            m.put("avatarUrl", JiraJson.avatarUrls(u.accountId()).get("16x16"));
            shown.add(m);
        }
        var users = new LinkedHashMap<String, Object>();
        users.put("users", shown);
        users.put("total", people.size());
        users.put("header", "Showing " + shown.size() + " of " + people.size() + " matching users");
        return Map.of("users", users, "groups", picker(c, query, maxResults));
    }

    /** The first match of {@code q} in {@code text} wrapped in {@code <b>}, the rest HTML-escaped. */
    private static String bold(String text, String q) {
        int at = q.isEmpty() ? -1 : text.toLowerCase(Locale.ROOT).indexOf(q);
        if (at < 0) return Html.esc(text);
        return Html.esc(text.substring(0, at)) + "<b>" + Html.esc(text.substring(at, at + q.length()))
                + "</b>" + Html.esc(text.substring(at + q.length()));
    }
}
