package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.jql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over Jira's grammar: {@code query := orClause? (ORDER BY sortField (, sortField)*)?},
 * OR binds loosest, then AND, then NOT. Keywords are case-insensitive; {@code &&}/{@code &}, {@code ||}/{@code |}
 * and {@code !} stand for AND, OR and NOT. Errors use Jira's texts and positions.
 */
final class JqlParser {
    private final TokenCursor in;
    private final OperandParser operands;

    private JqlParser(List<Token> tokens) {
        this.in = new TokenCursor(tokens);
        this.operands = new OperandParser(in);
    }

    static Query parse(String jql) {
        return new JqlParser(JqlLexer.lex(jql)).query();
    }

    private Query query() {
        Clause where = null;
        if (!in.atEnd() && !in.peek().isKeyword("order")) where = or();
        List<SortField> orderBy = List.of();
        if (in.peek().isKeyword("order")) orderBy = orderBy();
        else if (!in.atEnd()) throw in.expected(JqlMessages.AND_OR);
        return new Query(where, orderBy);
    }

    private Clause or() {
        var clauses = new ArrayList<Clause>();
        clauses.add(and());
        while (in.peek().isKeyword("or") || in.peek().is(Kind.OR)) {
            in.next();
            clauses.add(and());
        }
        return clauses.size() == 1 ? clauses.get(0) : new Clause.Or(clauses);
    }

    private Clause and() {
        var clauses = new ArrayList<Clause>();
        clauses.add(not());
        while (in.peek().isKeyword("and") || in.peek().is(Kind.AND)) {
            in.next();
            clauses.add(not());
        }
        return clauses.size() == 1 ? clauses.get(0) : new Clause.And(clauses);
    }

    private Clause not() {
        Token t = in.peek();
        if (t.isKeyword("not") || t.is(Kind.BANG)) {
            in.next();
            in.enter();
            Clause inner = not();
            in.leave();
            return new Clause.Not(inner);
        }
        if (t.is(Kind.LPAREN)) {
            in.next();
            in.enter();
            Clause inner = or();
            in.expect(Kind.RPAREN, "')'");
            in.leave();
            return inner;
        }
        return terminal();
    }

    private Clause terminal() {
        String field = fieldName();
        if (in.peek().isKeyword("was")) return was(field);
        if (in.peek().isKeyword("changed")) {
            in.next();
            return new Clause.Terminal(field, Operator.CHANGED, null, predicates());
        }
        Operator operator = operator();
        return new Clause.Terminal(field, operator, operands.operand());
    }

    /** {@code field WAS [NOT] [IN] operand predicate*}. */
    private Clause was(String field) {
        in.next();
        boolean not = false;
        if (in.peek().isKeyword("not")) {
            in.next();
            not = true;
        }
        boolean list = false;
        if (in.peek().isKeyword("in")) {
            in.next();
            list = true;
        }
        Operator operator = not ? (list ? Operator.WAS_NOT_IN : Operator.WAS_NOT) : (list ? Operator.WAS_IN : Operator.WAS);
        Operand operand = operands.operand();
        return new Clause.Terminal(field, operator, operand, predicates());
    }

    /** History predicates, as many as follow: {@code FROM x TO y BY z AFTER d BEFORE d ON d DURING (a, b)}. */
    private List<HistoryPredicate> predicates() {
        var predicates = new ArrayList<HistoryPredicate>();
        while (true) {
            HistoryPredicate.Kind kind = predicateKind(in.peek());
            if (kind == null) return predicates;
            in.next();
            predicates.add(new HistoryPredicate(kind, operands.operand()));
        }
    }

    private static HistoryPredicate.Kind predicateKind(Token t) {
        for (HistoryPredicate.Kind k : HistoryPredicate.Kind.values()) {
            if (t.isKeyword(k.display())) return k;
        }
        return null;
    }

    private Operator operator() {
        Token t = in.peek();
        if (t.is(Kind.EOF)) throw TokenCursor.failAtEnd(JqlMessages.expectingOperatorAtEnd());
        if (t.is(Kind.OPERATOR)) {
            in.next();
            return switch (t.raw()) {
                case "=" -> Operator.EQUALS;
                case "!=" -> Operator.NOT_EQUALS;
                case ">" -> Operator.GREATER_THAN;
                case ">=" -> Operator.GREATER_THAN_EQUALS;
                case "<" -> Operator.LESS_THAN;
                case "<=" -> Operator.LESS_THAN_EQUALS;
                case "~" -> Operator.LIKE;
                default -> Operator.NOT_LIKE;
            };
        }
        if (t.isKeyword("in")) {
            in.next();
            return Operator.IN;
        }
        if (t.isKeyword("not")) {
            in.next();
            if (!in.peek().isKeyword("in")) throw in.expected("'IN'");
            in.next();
            return Operator.NOT_IN;
        }
        if (t.isKeyword("is")) {
            in.next();
            if (in.peek().isKeyword("not")) {
                in.next();
                return Operator.IS_NOT;
            }
            // Jira reads "is !" as a misspelt IS NOT rather than as an operand.
            if (in.peek().is(Kind.BANG)) throw in.expected("'NOT'");
            return Operator.IS;
        }
        throw in.fail(JqlMessages.expectingOperator(t.raw()));
    }

    /** A field name: a word, a quoted string, or {@code cf[n]}. */
    private String fieldName() {
        Token t = in.peek();
        switch (t.kind()) {
            case EOF -> throw TokenCursor.failAtEnd(JqlMessages.FIELD_AT_END);
            case LBRACKET -> throw in.fail(JqlMessages.FIELD_BRACKET);
            case QUOTED -> {
                if (t.text().isEmpty()) throw in.fail(JqlMessages.FIELD_EMPTY);
                in.next();
                return t.text();
            }
            case WORD -> {
                if (t.isKeyword("cf")) return customField();
                if (JqlWords.isKeyword(t.raw())) throw in.fail(JqlMessages.expectingField(t.raw()));
                if (JqlWords.isReserved(t.raw())) throw in.fail(JqlMessages.reservedWord(t.raw()));
                in.next();
                if (t.isKeyword("issue.property") && in.peek().is(Kind.LBRACKET)) return issueProperty(t.text());
                return t.text();
            }
            default -> throw in.fail(JqlMessages.expectingField(t.raw()));
        }
    }

    /** {@code cf[10001]}: parsed so that validation can say the field does not exist, as Jira would. */
    private String customField() {
        in.next();
        in.expect(Kind.LBRACKET, "'['");
        Token id = in.peek();
        if (id.is(Kind.EOF)) throw TokenCursor.failAtEnd(JqlMessages.CUSTOM_FIELD_ID_AT_END);
        if (!id.is(Kind.WORD) || !id.raw().matches("[0-9]+")) throw in.fail(JqlMessages.customFieldId(id.raw()));
        in.next();
        in.expect(Kind.RBRACKET, "']'");
        return "cf[" + id.raw() + "]";
    }

    /**
     * {@code issue.property[key].path}: parsed as one field name, so that validation (no issue has properties here)
     * says the field does not exist rather than failing on the bracket; a webhook's filter may name one.
     */
    private String issueProperty(String head) {
        in.expect(Kind.LBRACKET, "'['");
        Token key = in.peek();
        if (!key.is(Kind.WORD) && !key.is(Kind.QUOTED)) throw in.fail(JqlMessages.expectingField(key.raw()));
        in.next();
        in.expect(Kind.RBRACKET, "']'");
        Token path = in.peek();
        if (path.is(Kind.WORD) && path.raw().startsWith(".") && path.raw().length() > 1) {
            in.next();
            return head + "[" + key.text() + "]" + path.text();
        }
        return head + "[" + key.text() + "]";
    }

    private List<SortField> orderBy() {
        in.next();
        if (!in.peek().isKeyword("by")) throw in.expected("'by'");
        in.next();
        var fields = new ArrayList<SortField>();
        while (true) {
            String field = fieldName();
            SortField.Direction direction = null;
            if (in.peek().isKeyword("asc") || in.peek().isKeyword("desc")) {
                direction = in.next().isKeyword("asc") ? SortField.Direction.ASC : SortField.Direction.DESC;
                fields.add(new SortField(field, direction));
                if (in.atEnd()) return fields;
                if (!in.peek().is(Kind.COMMA)) throw in.expected("','");
            } else {
                fields.add(new SortField(field, null));
                if (in.atEnd()) return fields;
                if (!in.peek().is(Kind.COMMA)) throw in.expected(JqlMessages.ASC_DESC);
            }
            in.next();
        }
    }
}
