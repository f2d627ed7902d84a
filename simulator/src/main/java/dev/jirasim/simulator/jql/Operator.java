package dev.jirasim.simulator.jql;

/**
 * JQL's operators. The history operators ({@code WAS}, {@code WAS NOT}, {@code WAS IN}, {@code WAS NOT IN}, {@code CHANGED})
 * take {@link HistoryPredicate}s after their operand; {@code CHANGED} has no operand.
 */
public enum Operator {
    EQUALS("="), NOT_EQUALS("!="), GREATER_THAN(">"), GREATER_THAN_EQUALS(">="), LESS_THAN("<"), LESS_THAN_EQUALS("<="),
    LIKE("~"), NOT_LIKE("!~"), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not"),
    WAS("was"), WAS_NOT("was not"), WAS_IN("was in"), WAS_NOT_IN("was not in"), CHANGED("changed");

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
        return this == IN || this == NOT_IN || this == WAS_IN || this == WAS_NOT_IN;
    }

    /** WAS, WAS NOT, WAS IN, WAS NOT IN and CHANGED: they search an issue's changelog. */
    public boolean isHistory() {
        return this == WAS || this == WAS_NOT || this == WAS_IN || this == WAS_NOT_IN || this == CHANGED;
    }

    public boolean isNegative() {
        return this == NOT_EQUALS || this == NOT_LIKE || this == NOT_IN || this == IS_NOT;
    }
}
