package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * print → parse is the identity on generated trees, and arbitrary token soup fails only with JqlException.
 * Index correctness against a brute-force filter lives in {@link JqlIndexProperties}.
 */
class JqlProperties {
    private static final IssueIndex INDEX = JqlFixtures.index();

    @Property(tries = 500)
    void printThenParseIsTheIdentity(@ForAll("queries") Query query) {
        String printed = Jql.print(query);
        assertEquals(query, Jql.parse(printed), printed);
    }

    @Property(tries = 2000)
    void tokenSoupFailsOnlyWithJqlException(@ForAll("soup") String jql) {
        try {
            Query q = Jql.parse(jql);
            JqlSearch.search(INDEX, q, JqlFixtures.alice());
            assertEquals(q, Jql.parse(Jql.print(q)), jql);
        } catch (JqlException expected) {
            if (expected.errorMessages().isEmpty() || expected.errorMessages().stream().anyMatch(String::isBlank)) throw expected;
        }
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<Clause> where = clauses(3).injectNull(0.1);
        Arbitrary<SortField> sort = Combinators.combine(names(), Arbitraries.of(SortField.Direction.class).injectNull(0.4)).as(SortField::new);
        return Combinators.combine(where, sort.list().ofMaxSize(3)).as(Query::new);
    }

    private Arbitrary<Clause> clauses(int depth) {
        Arbitrary<Operator> plain = Arbitraries.of(Operator.class).filter(o -> !o.isHistory());
        Arbitrary<Operator> was = Arbitraries.of(Operator.WAS, Operator.WAS_NOT, Operator.WAS_IN, Operator.WAS_NOT_IN);
        Arbitrary<List<HistoryPredicate>> predicates = Combinators.combine(Arbitraries.of(HistoryPredicate.Kind.class), operands(1))
                .as(HistoryPredicate::new).list().ofMaxSize(3);
        Arbitrary<Clause> terminal = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(names(), plain, operands(2)).as(Clause.Terminal::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(names(), was, operands(2), predicates).as(Clause.Terminal::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(names(), predicates).as((n, p) -> new Clause.Terminal(n, Operator.CHANGED, null, p))));
        if (depth == 0) return terminal;
        Arbitrary<Clause> inner = Arbitraries.lazy(() -> clauses(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, terminal),
                net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(2).ofMaxSize(4).map(Clause.And::new)),
                net.jqwik.api.Tuple.of(1, inner.list().ofMinSize(2).ofMaxSize(4).map(Clause.Or::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Clause.Not::new)));
    }

    private Arbitrary<Operand> operands(int depth) {
        Arbitrary<Operand> value = texts().map(Operand.Value::new);
        Arbitrary<Operand> num = Arbitraries.longs().map(Operand.Num::new);
        Arbitrary<Operand> empty = Arbitraries.just(new Operand.Empty());
        Arbitrary<Operand> call = Combinators.combine(names(), texts().list().ofMaxSize(3)).as(Operand.Call::new);
        if (depth == 0) return Arbitraries.oneOf(value, num, empty, call);
        Arbitrary<Operand> list = Arbitraries.lazy(() -> operands(depth - 1)).list().ofMinSize(1).ofMaxSize(3).map(Operand.ListOf::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, value), net.jqwik.api.Tuple.of(1, num), net.jqwik.api.Tuple.of(1, empty),
                net.jqwik.api.Tuple.of(1, call), net.jqwik.api.Tuple.of(1, list));
    }

    /** Field and function names: never empty (Jira forbids that), otherwise anything. */
    private Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of("status", "Story Points", "cf[10001]", "cf", "order", "for", "a-b", "x.y", "ÄÖ", "123", "EMPTY"),
                texts().filter(s -> !s.isEmpty()));
    }

    private Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of("", "Done", "In Progress", "and", "NOT", "empty", "null", "do", "-7d", "4d 2h", "2026-01-31",
                "ABC-1", "42", "-0", "a\"b", "it's", "back\\slash", "tab\there", "line\nbreak", "\u007f", "{x}", "@me", "(", ")", ",", "~", "!");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(8);
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(10);
        return Arbitraries.oneOf(words, any, printable);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> token = Arbitraries.of("project", "status", "assignee", "labels", "summary", "created", "due", "key", "parent",
                "text", "comment", "priority", "resolution", "statusCategory", "id", "rank", "cf[10001]", "cf", "[", "]", "=", "!=", ">", ">=",
                "<", "<=", "~", "!~", "in", "not", "is", "IS NOT", "NOT IN", "and", "or", "&&", "||", "!", "(", ")", ",", "EMPTY", "null",
                "order", "by", "asc", "desc", "ACME", "SEC", "ACME-1", "SEC-1", "\"In Progress\"", "'To Do'", "Done", "currentUser()", "now()",
                "startOfDay(-1)", "endOfMonth(\"+1M\")", "startOfWeek(x)", "bogus()", "-7d", "\"4w 2d\"", "2026-01-31", "\"2026-01-31 14:00\"",
                "10001", "-99999999999999999999", "\"", "'", "\\", "\\u00", "{", "#", "for", "*", "\"*x\"", "acc-alice", "High", "Bug", "\u0001",
                "was", "WAS NOT", "was in", "changed", "from", "to", "by", "after", "before", "on", "during", "fixVersion", "reporter",
                "(\"2026-01-01\", \"2026-01-31\")", "startOfWeek()");
        return token.list().ofMaxSize(12).flatMap(tokens -> Arbitraries.of(" ", "").map(sep -> String.join(sep, tokens)));
    }
}
