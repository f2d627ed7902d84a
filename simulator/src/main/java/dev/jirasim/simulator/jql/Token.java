package dev.jirasim.simulator.jql;

import java.util.Locale;

/**
 * A lexed token. {@code text} is the value (escapes resolved, quotes removed); {@code raw} is the source
 * text, which Jira's messages echo and which decides keywords ({@code "and"} in quotes is a string).
 */
record Token(Kind kind, String text, String raw, int line, int column) {
    enum Kind { WORD, QUOTED, LPAREN, RPAREN, COMMA, LBRACKET, RBRACKET, OPERATOR, BANG, AND, OR, EOF }

    boolean is(Kind k) {
        return kind == k;
    }

    /** An unquoted word spelled like {@code keyword}, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && raw.equalsIgnoreCase(keyword);
    }

    boolean isWordNumber() {
        return kind == Kind.WORD && raw.matches("-?[0-9]+");
    }

    String lower() {
        return raw.toLowerCase(Locale.ROOT);
    }
}
