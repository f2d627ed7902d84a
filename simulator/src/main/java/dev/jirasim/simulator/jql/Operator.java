package dev.jirasim.simulator.jql;

/** JQL's operators. History operators (WAS, CHANGED) are not supported. */
public enum Operator {
    EQUALS("="), NOT_EQUALS("!="), GREATER_THAN(">"), GREATER_THAN_EQUALS(">="), LESS_THAN("<"), LESS_THAN_EQUALS("<="),
    LIKE("~"), NOT_LIKE("!~"), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

    private final String display;

    Operator(String display) {
        this.display = display;
    }

    /** How Jira names the operator in its messages: symbols as they are, words in lower case ("Operator 'in' …"). */
    public String display() {
        return display;
    }

    /** How the printer writes it. */
    public String jql() {
        return display.toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isRelational() {
        return this == GREATER_THAN || this == GREATER_THAN_EQUALS || this == LESS_THAN || this == LESS_THAN_EQUALS;
    }

    public boolean isList() {
        return this == IN || this == NOT_IN;
    }

    public boolean isNegative() {
        return this == NOT_EQUALS || this == NOT_LIKE || this == NOT_IN || this == IS_NOT;
    }
}
