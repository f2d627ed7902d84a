package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.JqlSearch;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.Issue;
import java.util.List;

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
        var context = new SearchContext(c.user().accountId(), c.world().clock().now(), SearchContext.zoneOf(c.user().zoneinfo()), c::canBrowse,
                ref -> c.world().user(ref), ref -> c.world().jira().projectByRef(c.site().subdomain(), ref));
        try {
            Query query = jql == null || jql.isBlank() ? new Query(null, List.of()) : Jql.parse(jql);
            return JqlSearch.search(index, query, context);
        } catch (JqlException e) {
            throw new Invalid(e.errorMessages());
        }
    }


}
