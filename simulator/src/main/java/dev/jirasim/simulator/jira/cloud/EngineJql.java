package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.JqlSearch;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.Project;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds the REST layer to the JQL engine: one index per site, built on first search and kept in step with
 * every issue change by the world's listeners; thrown away with the world.
 */
final class EngineJql implements JqlAdapter {

    @Override
    public boolean bounded(String jql) {
        try {
            return Jql.parse(jql).isBounded();
        } catch (JqlException e) {
            return true; // not our call: the search reports the syntax error with Jira's text
        }
    }

    @Override
    public List<Issue> search(Caller c, String jql) {
        String site = c.site().subdomain();
        IssueIndex index = c.world().derived("jql-index:" + site, () -> IssueIndex.of(c.world().jira(), site));
        var context = new SearchContext(c.user().accountId(), c.world().clock().now(), zone(c.user().zoneinfo()), c::canBrowse,
                ref -> c.world().user(ref), ref -> project(c, ref));
        try {
            Query query = jql == null || jql.isBlank() ? new Query(null, List.of()) : Jql.parse(jql);
            return JqlSearch.search(index, query, context);
        } catch (JqlException e) {
            throw new Invalid(e.errorMessages());
        }
    }

    /** A JQL project value: key in any case, numeric id, or name. */
    private static Optional<Project> project(Caller c, String ref) {
        var byKeyOrId = c.world().jira().project(c.site().subdomain(), ref);
        if (byKeyOrId.isPresent()) return byKeyOrId;
        return c.world().jira().projects(c.site().subdomain()).stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(ref.toLowerCase(Locale.ROOT))).findFirst();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
