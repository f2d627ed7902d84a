package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.jql.Token.Kind;
import java.util.List;

/** Walks the token list and builds Jira's "Expecting …" errors for the token under the cursor. */
final class TokenCursor {
    /** Deeper nesting than this is refused rather than risking the parser's (and evaluator's) stack. */
    static final int MAX_DEPTH = 100;
    private final List<Token> tokens;
    private int pos;
    private int depth;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
        return t;
    }

    boolean atEnd() {
        return peek().is(Kind.EOF);
    }

    /** An error about the current token, positioned at it. */
    JqlException fail(String message) {
        return failAt(message, peek());
    }

    static JqlException failAt(String message, Token at) {
        return new JqlException(JqlMessages.syntax(message, at));
    }

    /** An error for a query that ended too early: Jira gives these without a position. */
    static JqlException failAtEnd(String message) {
        return new JqlException(JqlMessages.syntaxAtEnd(message));
    }

    /** "Expecting X but got 'y'." or "Expecting X before the end of the query.", whichever applies. */
    JqlException expected(String what) {
        return atEnd() ? failAtEnd(JqlMessages.expectingAtEnd(what)) : fail(JqlMessages.expecting(what, peek().raw()));
    }

    /** Enters one level of parentheses, NOT or list; fails past {@link #MAX_DEPTH}. */
    void enter() {
        if (++depth > MAX_DEPTH) throw fail(JqlMessages.TOO_DEEP);
    }

    void leave() {
        depth--;
    }

    /** Consumes a token of {@code kind} or fails with {@link #expected}. */
    Token expect(Kind kind, String what) {
        if (!peek().is(kind)) throw expected(what);
        return next();
    }
}
