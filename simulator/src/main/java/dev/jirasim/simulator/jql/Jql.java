package dev.jirasim.simulator.jql;

/**
 * Entry point for JQL text. {@link #parse} checks syntax only (Jira's "Error in the JQL Query: …" texts);
 * fields and values are checked against a searcher by {@link JqlSearch#search}.
 *
 * <pre>{@code
 * Query q = Jql.parse("project = ACME AND status = \"In Progress\" ORDER BY created DESC");
 * List<Issue> hits = JqlSearch.search(index, q, context);
 * }</pre>
 */
public final class Jql {
    private Jql() {
    }

    /** Parses JQL; an empty or blank string is a query with no clause and no ordering. */
    public static Query parse(String jql) {
        if (jql == null) return new Query(null, java.util.List.of());
        return JqlParser.parse(jql);
    }

    /** JQL text that {@link #parse} turns back into an equal query. */
    public static String print(Query query) {
        return JqlPrinter.print(query);
    }

    /** A field name as it would be written in JQL (quoted when it must be). */
    public static String printField(String name) {
        return JqlPrinter.field(name);
    }

    /** An operand as it would be written in JQL: {@code "In Progress"}, {@code (a, b)}, {@code now()}. */
    public static String printOperand(Operand operand) {
        return JqlPrinter.operand(operand);
    }
}
