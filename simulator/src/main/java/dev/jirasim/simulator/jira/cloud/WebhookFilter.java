package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.jql.Clause;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.Operator;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The subset of JQL a dynamic webhook's {@code jqlFilter} may use (webhooks.md A.3, the v3 document's
 * {@code WebhookDetails.jqlFilter}): the fields {@code issueKey}, {@code project}, {@code issuetype}, {@code status},
 * {@code assignee}, {@code reporter}, {@code issue.property} and {@code cf[id]} for the epic label field only, with
 * {@code =}, {@code !=}, {@code IN} and {@code NOT IN}. Anything else fails that item with Jira's
 * {@code The clause <field> is unsupported} or {@code Operator <op> is unsupported}.
 */
final class WebhookFilter {
    /**
     * The allowed fields, with the names Jira's JQL gives the same field ({@code key} for {@code issueKey}, {@code type}
     * for {@code issuetype}): our reading, as the filter is JQL.
     */
    private static final Set<String> FIELDS = Set.of("issuekey", "key", "issue", "id", "project", "issuetype", "type", "status", "assignee", "reporter");
    private static final Set<Operator> OPERATORS = Set.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN);
    /** Our wording: the reference records that an empty filter is refused, not with what text. */
    static final String EMPTY = "The JQL filter must not be empty. Use a clause such as project != null to match every issue.";

    private WebhookFilter() {
    }

    /** Why {@code jql} cannot be a webhook filter on {@code site}; empty when it can. */
    static List<String> problems(World world, String site, String jql) {
        if (jql == null || jql.isBlank()) return List.of(EMPTY);
        Query query;
        try {
            query = Jql.parse(jql);
        } catch (JqlException e) {
            return e.errorMessages();
        }
        if (query.where() == null) return List.of(EMPTY);
        var problems = new LinkedHashSet<String>();
        check(world, site, query.where(), problems);
        return new ArrayList<>(problems);
    }

    private static void check(World world, String site, Clause clause, Set<String> problems) {
        if (clause instanceof Clause.And and) {
            and.clauses().forEach(c -> check(world, site, c, problems));
        } else if (clause instanceof Clause.Or or) {
            or.clauses().forEach(c -> check(world, site, c, problems));
        } else if (clause instanceof Clause.Not not) {
            check(world, site, not.clause(), problems);
        } else if (clause instanceof Clause.Terminal t) {
            if (!allowedField(world, site, t.field())) problems.add("The clause " + t.field() + " is unsupported");
            if (!OPERATORS.contains(t.operator())) problems.add("Operator " + t.operator().display() + " is unsupported");
        }
    }

    private static boolean allowedField(World world, String site, String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        if (FIELDS.contains(lower) || lower.startsWith("issue.property[")) return true;
        // cf[id]: only the epic label field, which Jira names "Epic Name".
        if (!dev.jirasim.simulator.common.Patterns.matches(lower, "cf\\[[0-9]+]")) return false;
        String id = "customfield_" + lower.substring(3, lower.length() - 1);
        return world.jiraSettings().customField(site, id).map(CustomField::name).filter(n -> n.equalsIgnoreCase("Epic Name")).isPresent();
    }
}
