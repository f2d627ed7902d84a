package dev.jirasim.simulator.jql;

import java.util.List;

/** The right-hand side of a clause. Quoting is not kept: Jira treats {@code Done} and {@code "Done"} alike. */
public sealed interface Operand {
    /** A string, quoted or not. */
    record Value(String text) implements Operand {
    }

    /** An unquoted integer; Jira reads these as ids (project, issue, status …) or epoch milliseconds (dates). */
    record Num(long value) implements Operand {
    }

    /** {@code EMPTY} or {@code NULL}. */
    record Empty() implements Operand {
    }

    /** {@code (a, b, …)}; Jira's grammar allows nested lists, which behave as if flattened. */
    record ListOf(List<Operand> values) implements Operand {
        public ListOf {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("a list needs at least one value");
        }
    }

    /** A function such as {@code currentUser()} or {@code startOfDay("-1d")}; arguments are strings. */
    record Call(String name, List<String> args) implements Operand {
        public Call {
            args = List.copyOf(args);
        }
    }
}
