package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watchers and votes. Neither writes the changelog nor moves {@code updated}, as on Jira. Adding or removing
 * someone else as a watcher needs Jira's "Manage watcher list", which we model as administering the project.
 */
final class WatcherService {
    private WatcherService() {
    }

    static Map<String, Object> watchers(CloudCaller c, String idOrKey) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.key() + "/watchers");
        m.put("isWatching", issue.activity().watchers().contains(c.user().accountId()));
        m.put("watchCount", issue.activity().watchers().size());
        m.put("watchers", users(c, issue.activity().watchers()));
        return m;
    }

    /**
     * {@code POST …/watchers}: the body is the account id as a JSON string; an empty body adds the caller (the
     * spec's words). A real site answered 204 to an empty POST with {@code ?accountId=}; POST has no such
     * parameter, so the simulator adds the caller then too (our choice: which user Jira adds is unconfirmed).
     */
    static void addWatcher(CloudCaller c, String idOrKey, String accountId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        String who = accountId == null ? c.user().accountId() : accountId;
        User user = member(c, who);
        if (!who.equals(c.user().accountId()) && !manages(c, issue)) throw JiraErrors.forbidden("manage the watcher list of this issue");
        var project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        if (!c.world().jira().can(user, project, Permission.BROWSE)) {
            throw JiraErrors.badRequest("The user \"" + user.displayName() + "\" does not have permission to view this issue. "
                    + "This user will not be added to the watch list.");
        }
        if (issue.activity().watchers().contains(who)) return;
        var next = new ArrayList<>(issue.activity().watchers());
        next.add(who);
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withWatchers(next)).build(), c.user().accountId());
    }

    static void removeWatcher(CloudCaller c, String idOrKey, String accountId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (accountId == null || accountId.isBlank()) throw JiraErrors.badRequest("Parameter 'accountId' is required."); // our wording
        member(c, accountId);
        if (!accountId.equals(c.user().accountId()) && !manages(c, issue)) throw JiraErrors.forbidden("manage the watcher list of this issue");
        if (!issue.activity().watchers().contains(accountId)) return;
        var next = new ArrayList<>(issue.activity().watchers());
        next.remove(accountId);
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withWatchers(next)).build(), c.user().accountId());
    }

    static Map<String, Object> votes(CloudCaller c, String idOrKey) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.key() + "/votes");
        m.put("votes", issue.activity().voters().size());
        m.put("hasVoted", issue.activity().voters().contains(c.user().accountId()));
        m.put("voters", users(c, issue.activity().voters()));
        return m;
    }

    /** Jira answers 404 with this text to a vote on one's own issue (go-jira/jira#26 quotes it). */
    static void vote(CloudCaller c, String idOrKey) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (c.user().accountId().equals(issue.reporter())) throw JiraErrors.message(404, "You cannot vote for an issue you have reported.");
        if (issue.activity().voters().contains(c.user().accountId())) return;
        var next = new ArrayList<>(issue.activity().voters());
        next.add(c.user().accountId());
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withVoters(next)).build(), c.user().accountId());
    }

    static void unvote(CloudCaller c, String idOrKey) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (!issue.activity().voters().contains(c.user().accountId())) {
            throw JiraErrors.message(404, "You have not voted for this issue."); // our wording; the spec names the case
        }
        var next = new ArrayList<>(issue.activity().voters());
        next.remove(c.user().accountId());
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withVoters(next)).build(), c.user().accountId());
    }

    private static boolean manages(CloudCaller c, Issue issue) {
        var project = c.world().jira().project(issue.site(), issue.project()).orElseThrow();
        return c.can(project, Permission.ADMINISTER);
    }

    /** A user of the caller's site; any other account id is the spec's 404 (our wording). */
    private static User member(CloudCaller c, String accountId) {
        return c.world().user(accountId).filter(u -> u.accountId().equals(accountId) && u.memberOf(c.site().subdomain()))
                .orElseThrow(() -> JiraErrors.message(404, "The user with account ID '" + accountId + "' does not exist."));
    }

    private static List<Object> users(CloudCaller c, List<String> ids) {
        var out = new ArrayList<Object>();
        for (String id : ids) c.world().user(id).ifPresent(u -> out.add(JiraJson.user(c, u)));
        return out;
    }
}
