package dev.jirasim.simulator.jql;

import java.util.Locale;
import java.util.Set;

/**
 * Words an unquoted JQL string may not be. Keywords of the grammar cannot stand where a field or value is
 * expected ("Expecting either a value … but got 'OR'"); the reserved words are the SQL-ish list Jira keeps
 * for future use and rejects anywhere unquoted ("'for' is a reserved JQL word", which bites projects keyed
 * DO, IF or FOR). The list is the one Jira's own functional tests check.
 */
final class JqlWords {
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "empty", "null", "order", "by", "asc", "desc", "in", "is",
            "was", "changed", "after", "before", "during", "on", "from", "to");

    static final Set<String> RESERVED = Set.of(
            "abort", "access", "add", "alias", "all", "alter", "any", "as", "audit", "avg", "begin", "between", "boolean", "break",
            "byte", "catch", "char", "character", "check", "checkpoint", "collate", "collation", "column", "commit", "connect",
            "continue", "count", "create", "current", "date", "decimal", "declare", "decrement", "default", "defaults", "define",
            "delete", "delimiter", "difference", "distinct", "divide", "do", "double", "drop", "else", "encoding", "end", "equals",
            "escape", "exclusive", "exec", "execute", "exists", "explain", "false", "fetch", "file", "field", "first", "float",
            "for", "function", "go", "goto", "grant", "greater", "group", "having", "identified", "if", "immediate", "increment",
            "index", "initial", "inner", "inout", "input", "insert", "int", "integer", "intersect", "intersection", "into",
            "isempty", "isnull", "join", "last", "left", "less", "like", "limit", "lock", "long", "max", "min", "minus", "mode",
            "modify", "modulo", "more", "multiply", "next", "noaudit", "notin", "nowait", "number", "object", "of", "option",
            "outer", "output", "power", "previous", "prior", "privileges", "public", "raise", "raw", "remainder", "rename",
            "resource", "return", "returns", "revoke", "right", "row", "rowid", "rownum", "rows", "select", "session", "set",
            "share", "size", "sqrt", "start", "strict", "string", "subtract", "sum", "synonym", "table", "then", "trans",
            "transaction", "trigger", "true", "uid", "union", "unique", "update", "user", "validate", "values", "view", "when",
            "whenever", "where", "while", "with");

    /** Characters that may not appear unquoted ({@code [} and {@code ]} are tokens, for {@code cf[10001]}). */
    static final String RESERVED_CHARS = "{}*/%+^$#@;?`";

    private JqlWords() {
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Characters that end an unquoted word. */
    static boolean isStop(char c) {
        return Character.isWhitespace(c) || "()[],=!<>~&|\"'\\".indexOf(c) >= 0 || RESERVED_CHARS.indexOf(c) >= 0 || isControl(c);
    }

    /** Characters Jira wants escaped even inside quotes. */
    static boolean isControl(char c) {
        return (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
    }
}
