package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.jql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits JQL into tokens. The whole query is lexed before parsing starts, as Jira's ANTLR lexer does, so a
 * reserved character late in the query is reported even when the parser would have failed earlier.
 * Positions are 1-based line and character, as in Jira's "(line 1, character 9)".
 */
final class JqlLexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JqlLexer(String src) {
        this.src = src;
    }

    static List<Token> lex(String jql) {
        return new JqlLexer(jql).all();
    }

    private List<Token> all() {
        var tokens = new ArrayList<Token>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                tokens.add(new Token(Kind.EOF, "", "", line, column(pos)));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private int column(int at) {
        return at - lineStart + 1;
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        char n = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        return switch (c) {
            case '(' -> symbol(Kind.LPAREN, 1);
            case ')' -> symbol(Kind.RPAREN, 1);
            case ',' -> symbol(Kind.COMMA, 1);
            case '[' -> symbol(Kind.LBRACKET, 1);
            case ']' -> symbol(Kind.RBRACKET, 1);
            case '=', '~' -> symbol(Kind.OPERATOR, 1);
            case '!' -> n == '=' || n == '~' ? symbol(Kind.OPERATOR, 2) : symbol(Kind.BANG, 1);
            case '<', '>' -> symbol(Kind.OPERATOR, n == '=' ? 2 : 1);
            case '&' -> symbol(Kind.AND, n == '&' ? 2 : 1);
            case '|' -> symbol(Kind.OR, n == '|' ? 2 : 1);
            case '"', '\'' -> quoted(c, start);
            default -> {
                if (JqlWords.RESERVED_CHARS.indexOf(c) >= 0) throw error(JqlMessages.reservedCharacter(c), start);
                yield word(start);
            }
        };
    }

    private Token symbol(Kind kind, int length) {
        int start = pos;
        pos += length;
        String raw = src.substring(start, pos);
        return new Token(kind, raw, raw, line, column(start));
    }

    private Token word(int start) {
        var text = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                text.append(escape());
            } else if (JqlWords.isControl(c)) {
                throw illegal(c, pos);
            } else if (JqlWords.isStop(c)) {
                break;
            } else {
                text.append(c);
                pos++;
            }
        }
        return new Token(Kind.WORD, text.toString(), src.substring(start, pos), line, column(start));
    }

    private Token quoted(char quote, int start) {
        int startLine = line;
        int startColumn = column(start);
        var text = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n' || src.charAt(pos) == '\r') {
                // Jira echoes the rest of the query, line breaks shown as spaces.
                String rest = src.substring(start + 1).replaceAll("\r\n|\r|\n", " ");
                throw new JqlException(JqlMessages.syntax(JqlMessages.unterminated(rest), new Token(Kind.EOF, "", "", startLine, startColumn)));
            }
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Kind.QUOTED, text.toString(), src.substring(start, pos), startLine, startColumn);
            }
            if (c == '\\') {
                text.append(escape());
            } else if (JqlWords.isControl(c)) {
                throw illegal(c, pos);
            } else {
                text.append(c);
                pos++;
            }
        }
    }

    /** Reads one escape sequence starting at the backslash under {@code pos}. */
    private char escape() {
        int start = pos;
        if (pos + 1 >= src.length()) throw error(JqlMessages.ESCAPE_AT_END, start);
        char c = src.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '\'', '"', '\\', ' ' -> {
                return c;
            }
            case 't' -> {
                return '\t';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    if (pos + i >= src.length()) throw error(JqlMessages.illegalEscape(src.substring(start)), start);
                    if (Character.digit(src.charAt(pos + i), 16) < 0) {
                        throw error(JqlMessages.illegalEscape(src.substring(start, pos + i + 1)), start);
                    }
                }
                char decoded = (char) Integer.parseInt(src.substring(pos, pos + 4), 16);
                pos += 4;
                return decoded;
            }
            default -> throw error(JqlMessages.illegalEscape(src.substring(start, start + 2)), start);
        }
    }

    private JqlException illegal(char c, int at) {
        return error(JqlMessages.illegalCharacter(c, line, column(at)), at);
    }

    private JqlException error(String message, int at) {
        return new JqlException(JqlMessages.syntax(message, new Token(Kind.EOF, "", "", line, column(at))));
    }
}
