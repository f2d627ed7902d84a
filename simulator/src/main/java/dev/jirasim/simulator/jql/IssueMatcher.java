package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether one issue matches a WHERE clause, evaluated on the issue itself rather than on an index: what a webhook
 * filter needs when an event happens (the issue may already be gone from the site, as after a delete). It knows the
 * equality fields of Jira's filters — {@code key} and its aliases, {@code project}, {@code issuetype}, {@code status},
 * {@code priority}, {@code assignee}, {@code reporter}, {@code creator}, and {@code cf[id]} as text — with {@code =}, {@code !=}, {@code IN},
 * {@code NOT IN}, {@code IS} and {@code IS NOT}, {@code EMPTY} and {@code currentUser()}. Unlike a search it never
 * fails: a value that names nothing (or nothing the searcher may see) matches no issue, and a clause on any other
 * field matches none. Visibility of the issue itself is the caller's concern.
 */
public final class IssueMatcher {
    private static final java.util.regex.Pattern CUSTOM = java.util.regex.Pattern.compile("(?i)cf\\[([0-9]+)]");

    private IssueMatcher() {
    }

    public static boolean matches(Issue issue, Clause where, SearchContext ctx) {
        if (where == null) return true;
        if (where instanceof Clause.And and) return and.clauses().stream().allMatch(c -> matches(issue, c, ctx));
        if (where instanceof Clause.Or or) return or.clauses().stream().anyMatch(c -> matches(issue, c, ctx));
        if (where instanceof Clause.Not not) return !matches(issue, not.clause(), ctx);
        return terminal(issue, (Clause.Terminal) where, ctx);
    }

    private static boolean terminal(Issue issue, Clause.Terminal t, SearchContext ctx) {
        Operator op = t.operator();
        boolean positive = op == Operator.EQUALS || op == Operator.IN || op == Operator.IS;
        boolean negative = op == Operator.NOT_EQUALS || op == Operator.NOT_IN || op == Operator.IS_NOT;
        if (!positive && !negative) return false;
        var custom = CUSTOM.matcher(t.field());
        if (custom.matches()) return customText(issue, "customfield_" + custom.group(1), t, positive);
        Optional<JqlField> field = JqlField.of(t.field());
        if (field.isEmpty()) return false;
        Set<String> wanted = new HashSet<>();
        boolean empty = false;
        for (Operand o : JqlCompiler.flatten(t.operand())) {
            if (o instanceof Operand.Empty) {
                empty = true;
                continue;
            }
            String v = value(field.get(), o, issue, ctx);
            if (v != null) wanted.add(v);
        }
        String actual = actual(field.get(), issue);
        if (positive) return actual == null ? empty : wanted.contains(actual);
        // Jira's negative operators never match an issue without a value ("assignee != bob" leaves out unassigned ones).
        return actual != null && !wanted.contains(actual);
    }

    /**
     * {@code cf[id]} compared as text, ignoring case: what a webhook filter on the epic label field needs (that field
     * holds one short text). A value that is not text (a number, an option, a list) matches no text operand.
     */
    private static boolean customText(Issue issue, String fieldId, Clause.Terminal t, boolean positive) {
        Object value = issue.customFields().get(fieldId);
        String actual = value instanceof String text && !text.isEmpty() ? text.toLowerCase(Locale.ROOT) : null;
        Set<String> wanted = new HashSet<>();
        boolean empty = false;
        for (Operand o : JqlCompiler.flatten(t.operand())) {
            if (o instanceof Operand.Empty) empty = true;
            else if (o instanceof Operand.Value v) wanted.add(v.text().toLowerCase(Locale.ROOT));
            else if (o instanceof Operand.Num n) wanted.add(Long.toString(n.value()));
        }
        if (positive) return actual == null ? empty : wanted.contains(actual);
        return actual != null && !wanted.contains(actual);
    }

    /** The issue's value of a field in the form {@link #value} gives: key, project key, names in lower case, account ids. */
    private static String actual(JqlField field, Issue issue) {
        return switch (field) {
            case ISSUE_KEY -> issue.key();
            case PROJECT -> issue.project();
            case ISSUE_TYPE -> lower(issue.issueType());
            case STATUS -> lower(issue.status());
            case PRIORITY -> lower(issue.priority());
            case ASSIGNEE -> issue.assignee();
            case REPORTER -> issue.reporter();
            case CREATOR -> issue.creator();
            default -> null;
        };
    }

    /** An operand as the issue's value would be written, or null when it names nothing the searcher may see. */
    private static String value(JqlField field, Operand o, Issue issue, SearchContext ctx) {
        if (o instanceof Operand.Call call) {
            boolean person = field == JqlField.ASSIGNEE || field == JqlField.REPORTER || field == JqlField.CREATOR;
            return person && call.name().equalsIgnoreCase("currentUser") && call.args().isEmpty() ? ctx.accountId() : null;
        }
        String text = o instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) o).text();
        return switch (field) {
            // A key, or a numeric id that is this issue's.
            case ISSUE_KEY -> text.equals(issue.id()) ? issue.key() : text.toUpperCase(Locale.ROOT);
            case PROJECT -> ctx.projects().apply(text).filter(ctx.canBrowse()).map(Project::key).orElse(null);
            case ISSUE_TYPE -> ctx.projects().apply(issue.project()).flatMap(p -> p.issueType(text)).map(Project.IssueTypeRef::name)
                    .or(() -> JiraCatalog.issueType(text).map(JiraCatalog.IssueType::name)).map(IssueMatcher::lower).orElse(null);
            case STATUS -> JiraCatalog.status(text).map(JiraCatalog.Status::name).map(IssueMatcher::lower).orElse(null);
            case PRIORITY -> JiraCatalog.priority(text).map(JiraCatalog.Priority::name).map(IssueMatcher::lower).orElse(null);
            case ASSIGNEE, REPORTER, CREATOR -> ctx.users().apply(text).map(User::accountId).orElse(null);
            default -> null;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
