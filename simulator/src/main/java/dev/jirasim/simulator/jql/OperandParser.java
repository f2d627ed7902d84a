package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.jql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Parses the right-hand side of a clause: a value, EMPTY, a (possibly nested) list, or a function call. */
final class OperandParser {
    private final TokenCursor in;

    OperandParser(TokenCursor in) {
        this.in = in;
    }

    Operand operand() {
        Token t = in.peek();
        switch (t.kind()) {
            case EOF -> throw TokenCursor.failAtEnd(JqlMessages.OPERAND_AT_END);
            case LPAREN -> {
                return list();
            }
            case QUOTED -> {
                in.next();
                if (in.peek().is(Kind.LPAREN)) {
                    if (t.text().isEmpty()) throw TokenCursor.failAt(JqlMessages.FUNCTION_EMPTY, t);
                    return call(t.text());
                }
                return new Operand.Value(t.text());
            }
            case WORD -> {
                return word(t);
            }
            case LBRACKET, RBRACKET -> throw in.fail(JqlMessages.reservedCharacter(t.raw().charAt(0)));
            default -> throw in.fail(JqlMessages.expectingOperand(t.raw()));
        }
    }

    private Operand word(Token t) {
        if (t.isKeyword("empty") || t.isKeyword("null")) {
            in.next();
            return new Operand.Empty();
        }
        if (JqlWords.isKeyword(t.raw())) throw in.fail(JqlMessages.expectingOperand(t.raw()));
        if (JqlWords.isReserved(t.raw())) throw in.fail(JqlMessages.reservedWord(t.raw()));
        in.next();
        if (in.peek().is(Kind.LPAREN)) return call(t.text());
        if (t.isWordNumber()) {
            try {
                return new Operand.Num(Long.parseLong(t.raw()));
            } catch (NumberFormatException e) {
                throw TokenCursor.failAt(JqlMessages.badNumber(t.raw()), t);
            }
        }
        return new Operand.Value(t.text());
    }

    private Operand list() {
        in.next();
        in.enter();
        var values = new ArrayList<Operand>();
        values.add(operand());
        while (in.peek().is(Kind.COMMA)) {
            in.next();
            values.add(operand());
        }
        in.expect(Kind.RPAREN, "')'");
        in.leave();
        return new Operand.ListOf(values);
    }

    /** Arguments are plain strings; the cases below follow the messages Jira gives for each malformed call. */
    private Operand call(String name) {
        in.next();
        var args = new ArrayList<String>();
        if (in.peek().is(Kind.RPAREN)) {
            in.next();
            return new Operand.Call(name, args);
        }
        if (in.peek().is(Kind.COMMA) || in.atEnd()) throw in.expected("')'");
        args.add(argument());
        while (true) {
            Token t = in.peek();
            if (t.is(Kind.RPAREN)) {
                in.next();
                return new Operand.Call(name, args);
            }
            if (t.is(Kind.EOF)) throw in.expected("')'");
            if (!t.is(Kind.COMMA)) throw in.expected("')' or ','");
            in.next();
            Token arg = in.peek();
            if (arg.is(Kind.EOF)) throw TokenCursor.failAtEnd(JqlMessages.ARGUMENT_AT_END);
            if (arg.is(Kind.RPAREN) || arg.is(Kind.COMMA)) throw in.fail(JqlMessages.ARGUMENT_MISSING);
            args.add(argument());
        }
    }

    private String argument() {
        Token t = in.peek();
        if (!t.is(Kind.WORD) && !t.is(Kind.QUOTED)) throw in.fail(JqlMessages.expectingArgument(t.raw()));
        in.next();
        return t.text();
    }
}
