package dev.jirasim.simulator.jql;

import java.util.List;

/**
 * A query Jira would reject, with the texts it would put in {@code errorMessages}. Syntax errors carry one
 * message; validation reports every problem it finds, as Jira does.
 */
public final class JqlException extends RuntimeException {
    private final List<String> errorMessages;

    public JqlException(List<String> errorMessages) {
        super(String.join(" ", errorMessages));
        this.errorMessages = List.copyOf(errorMessages);
    }

    public JqlException(String errorMessage) {
        this(List.of(errorMessage));
    }

    public List<String> errorMessages() {
        return errorMessages;
    }
}
