package dev.jirasim.simulator.jql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a query back as JQL that parses to the same tree: keywords upper case, strings quoted only when they
 * would otherwise lex differently (spaces, operators, keywords, reserved words, digits-only text), nested
 * AND/OR groups always parenthesised.
 */
final class JqlPrinter {
    private JqlPrinter() {
    }

    static String print(Query query) {
        var sb = new StringBuilder();
        if (query.where() != null) sb.append(clause(query.where()));
        if (!query.orderBy().isEmpty()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append("ORDER BY ").append(query.orderBy().stream().map(JqlPrinter::sort).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    static String clause(Clause clause) {
        if (clause instanceof Clause.And and) return group(and.clauses(), " AND ");
        if (clause instanceof Clause.Or or) return group(or.clauses(), " OR ");
        if (clause instanceof Clause.Not not) {
            Clause inner = not.clause();
            return "NOT " + (inner instanceof Clause.Terminal || inner instanceof Clause.Not ? clause(inner) : "(" + clause(inner) + ")");
        }
        var t = (Clause.Terminal) clause;
        var sb = new StringBuilder(field(t.field())).append(' ').append(t.operator().jql());
        if (t.operand() != null) sb.append(' ').append(operand(t.operand()));
        for (HistoryPredicate p : t.predicates()) sb.append(' ').append(p.kind()).append(' ').append(operand(p.operand()));
        return sb.toString();
    }

    private static String group(List<Clause> clauses, String keyword) {
        return clauses.stream()
                .map(c -> c instanceof Clause.And || c instanceof Clause.Or ? "(" + clause(c) + ")" : clause(c))
                .collect(Collectors.joining(keyword));
    }

    private static String sort(SortField sort) {
        return field(sort.field()) + (sort.direction() == null ? "" : " " + sort.direction());
    }

    static String field(String name) {
        return name.matches("cf\\[[0-9]+]") ? name : quoteIfNeeded(name);
    }

    static String operand(Operand operand) {
        if (operand instanceof Operand.Value v) return quoteIfNeeded(v.text());
        if (operand instanceof Operand.Num n) return Long.toString(n.value());
        if (operand instanceof Operand.ListOf l) return "(" + l.values().stream().map(JqlPrinter::operand).collect(Collectors.joining(", ")) + ")";
        if (operand instanceof Operand.Call c) {
            return quoteIfNeeded(c.name()) + "(" + c.args().stream().map(JqlPrinter::quoteIfNeeded).collect(Collectors.joining(", ")) + ")";
        }
        return "EMPTY";
    }

    /** How Jira's messages show an operand: strings always in double quotes ('"test"'), the rest as printed. */
    static String display(Operand operand) {
        if (operand instanceof Operand.Value v) return quote(v.text());
        if (operand instanceof Operand.ListOf l) return "(" + l.values().stream().map(JqlPrinter::display).collect(Collectors.joining(", ")) + ")";
        if (operand instanceof Operand.Call c) return c.name() + "(" + c.args().stream().map(JqlPrinter::quote).collect(Collectors.joining(", ")) + ")";
        return operand(operand);
    }

    static String quoteIfNeeded(String text) {
        boolean plain = !text.isEmpty() && !JqlWords.isKeyword(text) && !JqlWords.isReserved(text)
                && !text.matches("-?[0-9]+") && !text.equalsIgnoreCase("cf");
        for (int i = 0; plain && i < text.length(); i++) {
            if (JqlWords.isStop(text.charAt(i))) plain = false;
        }
        return plain ? text : quote(text);
    }

    static String quote(String text) {
        var sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (JqlWords.isControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
