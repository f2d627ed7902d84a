package dev.jirasim.simulator.jql;

/**
 * Every text the JQL engine reports, in one place. Texts marked "Jira" are the real service's, from
 * shared/reference/atlassian-cloud.md §5.4–5.5 and from error texts Jira's own functional tests assert
 * (parser errors, operator-usage errors, date formats). Texts marked "ours" have no known original; they
 * are written in the same style and should be replaced once the real text is observed.
 */
public final class JqlMessages {
    private static final String PREFIX = "Error in the JQL Query: ";
    private static final String OPERATORS =
            "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
    private static final String ESCAPES = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";
    private static final String DATE_FORMATS =
            "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";
    private static final String DAY_FORMATS = "Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'.";

    private JqlMessages() {
    }

    private static String at(int line, int column) {
        return " (line " + line + ", character " + column + ")";
    }

    // ---- syntax (all Jira; every one starts with the same prefix) ----

    static String syntax(String message, Token at) {
        return PREFIX + message + at(at.line(), at.column());
    }

    static String syntaxAtEnd(String message) {
        return PREFIX + message;
    }

    static String expectingOperator(String got) {
        return "Expecting operator but got '" + got + "'. " + OPERATORS;
    }

    static String expectingOperatorAtEnd() {
        return "Expecting operator before the end of the query. " + OPERATORS;
    }

    static String expectingField(String got) {
        return "Expecting a field name but got '" + got + "'. You must surround '" + got + "' in quotation marks to use it as a field name.";
    }

    static final String FIELD_AT_END = "Expecting a field name at the end of the query.";
    static final String FIELD_BRACKET = "Expecting a field name but got '['. Did you mean 'cf['?";
    static final String FIELD_EMPTY = "A field name cannot be empty.";
    static final String FUNCTION_EMPTY = "A function name cannot be empty.";
    static final String OPERAND_AT_END = "Expecting either a value, list or function before the end of the query.";
    static final String ARGUMENT_AT_END = "Expecting a function argument at the end of the query.";
    static final String ARGUMENT_MISSING = "Function argument must be specified.";
    static final String CUSTOM_FIELD_ID_AT_END = "Expecting a custom field id (a positive number) before the end of the query.";

    static String expectingOperand(String got) {
        return "Expecting either a value, list or function but got '" + got + "'. You must surround '" + got + "' in quotation marks to use it as a value.";
    }

    static String expectingArgument(String got) {
        return "Expecting a function argument but got '" + got + "'. You must surround '" + got + "' in quotation marks to use it as an argument.";
    }

    static String customFieldId(String got) {
        return "Expecting a custom field id (a positive number) but got '" + got + "'.";
    }

    /** {@code Expecting ')' but got 'x'.}, {@code Expecting 'by' but got 'x'.} and the like. */
    static String expecting(String what, String got) {
        return "Expecting " + what + " but got '" + got + "'.";
    }

    static String expectingAtEnd(String what) {
        return "Expecting " + what + " before the end of the query.";
    }

    static final String AND_OR = "either 'OR' or 'AND'";
    static final String ASC_DESC = "either 'ASC' or 'DESC'";

    static String unterminated(String text) {
        return text.isEmpty() ? "The quoted string has not been completed." : "The quoted string '" + text + "' has not been completed.";
    }

    static String reservedCharacter(char c) {
        return "The character '" + c + "' is a reserved JQL character. You must enclose it in a string or use the escape '" + escape(c) + "' instead.";
    }

    static String illegalCharacter(char c, int line, int column) {
        return "The character '" + String.format("U+%04X", (int) c) + "' on line " + line + " at position " + column
                + " must be escaped. Use the escape '" + escape(c) + "' instead.";
    }

    static String illegalEscape(String sequence) {
        return "'" + sequence + "' is an illegal JQL escape sequence. " + ESCAPES;
    }

    /** Ours: Jira's nesting limit and its text are unknown. */
    static final String TOO_DEEP = "The query is nested too deeply.";

    static final String ESCAPE_AT_END = "The escape sequence has not been completed. " + ESCAPES;

    static String reservedWord(String word) {
        return "'" + word + "' is a reserved JQL word. You must surround it in quotation marks to use it in a query.";
    }

    static String badNumber(String text) {
        return "'" + text + "' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807.";
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    // ---- validation (no prefix, no position) ----

    /** Jira. */
    public static String unknownField(String field) {
        return "Field '" + field + "' does not exist or you do not have permission to view it.";
    }

    /** Jira; also what a project the searcher may not browse gets (reference §5.4). */
    public static String unknownValue(String value, String field) {
        return "The value '" + value + "' does not exist for the field '" + field + "'.";
    }

    /** Jira. */
    public static String operatorNotSupported(Operator op, String field) {
        return "The operator '" + op.display() + "' is not supported by the '" + field + "' field.";
    }

    /** Jira. */
    public static String nonListValue(Operator op, String operand, String field) {
        return "Operator '" + op.display() + "' does not support the non-list value '" + operand + "' for field '" + field + "'.";
    }

    /** Jira. */
    public static String listValue(Operator op, String operand, String field) {
        return "Operator '" + op.display() + "' does not support the list value '" + operand + "' for field '" + field + "'.";
    }

    /** Jira. */
    public static String emptyNotSupported(Operator op, String field) {
        return "Operator '" + op.display() + "' does not support the empty value representation 'EMPTY' for field '" + field + "'.";
    }

    /** Jira. */
    public static String nonEmptyNotSupported(Operator op, String field) {
        return "Operator '" + op.display() + "' does not support searching for non-empty values for field '" + field + "'.";
    }

    /** Jira. */
    public static String badDate(String value, String field, boolean dayOnly) {
        return "Date value '" + value + "' for field '" + field + "' is invalid. " + (dayOnly ? DAY_FORMATS : DATE_FORMATS);
    }

    /** Jira. */
    public static String unknownFunction(String call) {
        return "Unable to find JQL function '" + call + "'.";
    }

    /** Jira. */
    public static String argumentCount(String function, int expected, int received) {
        return "Function '" + function + "' expected '" + expected + "' arguments but received '" + received + "'.";
    }

    /** Ours, in the style of the one above. */
    public static String argumentRange(String function, int min, int max, int received) {
        return "Function '" + function + "' expected between '" + min + "' and '" + max + "' arguments but received '" + received + "'.";
    }

    /** Jira. */
    public static String badIncrement(String function) {
        return "Duration for function '" + function + "' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.";
    }

    /** Ours, after Jira's "A date for the predicate 'after' provided by the function 'currentUser' is not valid.". */
    public static String functionNotDate(String function, String field) {
        return "A date for the field '" + field + "' provided by the function '" + function + "' is not valid.";
    }

    /** Ours. */
    public static String functionNotApplicable(String function, String field) {
        return "A value provided by the function '" + function + "' is invalid for the field '" + field + "'.";
    }

    /** Jira. */
    public static String textStartsWithWildcard(String text, String field, char wildcard) {
        return "The text query '" + text + "' for field '" + field + "' is not allowed to start with '" + wildcard + "'.";
    }

    /** Jira. */
    public static String emptyText(String field) {
        return "The field '" + field + "' does not support searching for an empty string.";
    }

    /** Jira (Server's wording; Cloud's is believed identical). */
    public static String noSuchIssue(String key, String field) {
        return "An issue with key '" + key + "' does not exist for field '" + field + "'.";
    }

    /** Jira (Server's wording). */
    public static String badIssueKey(String key, String field) {
        return "The issue key '" + key + "' for field '" + field + "' is invalid.";
    }

    /** Jira. */
    public static String notSortable(String field) {
        return "Not able to sort using field '" + field + "'.";
    }

    /** Ours: the limit is documented (OpenAPI, /search/jql) but its error text is not. */
    public static String tooManySortFields(int max) {
        return "The ORDER BY clause can contain at most " + max + " fields.";
    }

    // ---- history searches (WAS, CHANGED) ----

    /**
     * Jira's message key ({@code jira.jql.history.field.not.supported}, raised by its WasClauseValidator and
     * ChangedClauseValidator with the field name) is known; this wording of it is unconfirmed.
     */
    public static String historyFieldNotSupported(String field) {
        return "History searches do not support the '" + field + "' field.";
    }

    /** Ours: Jira documents only AFTER, BEFORE, BY, DURING and ON for WAS; its text for FROM/TO there is unknown. */
    public static String predicateNotSupported(HistoryPredicate.Kind predicate, Operator op) {
        return "The predicate '" + predicate.display() + "' is not supported by the '" + op.display() + "' operator.";
    }

    /** Jira's key {@code jira.jql.predicate.date.format.invalid} (value, predicate); the wording follows its field twin, unconfirmed. */
    public static String badPredicateDate(String value, HistoryPredicate.Kind predicate) {
        return "Date value '" + value + "' for predicate '" + predicate.display() + "' is invalid. " + DATE_FORMATS;
    }

    /** Jira's key {@code jira.jql.predicate.date.format.invalid.from.func}; see {@link #functionNotDate}. */
    public static String predicateFunctionNotDate(String function, HistoryPredicate.Kind predicate) {
        return "A date for the predicate '" + predicate.display() + "' provided by the function '" + function + "' is not valid.";
    }

    /** Ours, for Jira's {@code jira.jql.predicate.during.length.invalid.func} (DURING needs two dates), text unknown. */
    public static final String DURING_TWO_DATES = "The 'during' predicate needs a list of two dates, e.g. DURING (\"2026-01-01\", \"2026-01-31\").";

    /** Ours, for Jira's {@code jira.jql.predicate.after/before.length.invalid.func} (one date only), text unknown. */
    public static String predicateOneDate(HistoryPredicate.Kind predicate) {
        return "The '" + predicate.display() + "' predicate takes a single date.";
    }

    /** Ours, for Jira's {@code jira.jql.predicate.by.no.value.for.name} (the user named after BY does not exist), text unknown. */
    public static String noSuchUserForBy(String user) {
        return "The user '" + user + "' does not exist and cannot be used in the 'by' predicate.";
    }



    /** Jira (reference §5.5). For the HTTP layer; the engine itself only answers {@link Query#isBounded()}. */
    public static final String UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
}
