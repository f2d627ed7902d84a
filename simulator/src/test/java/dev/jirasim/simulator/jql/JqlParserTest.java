package dev.jirasim.simulator.jql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.jql.Clause.And;
import dev.jirasim.simulator.jql.Clause.Not;
import dev.jirasim.simulator.jql.Clause.Or;
import dev.jirasim.simulator.jql.Clause.Terminal;
import dev.jirasim.simulator.jql.Operand.Call;
import dev.jirasim.simulator.jql.Operand.Empty;
import dev.jirasim.simulator.jql.Operand.ListOf;
import dev.jirasim.simulator.jql.Operand.Num;
import dev.jirasim.simulator.jql.Operand.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JqlParserTest {
    private static Clause where(String jql) {
        return Jql.parse(jql).where();
    }

    private static String error(String jql) {
        var e = assertThrows(JqlException.class, () -> Jql.parse(jql));
        assertEquals(1, e.errorMessages().size());
        return e.errorMessages().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = b|EQUALS", "a != b|NOT_EQUALS", "a > b|GREATER_THAN", "a >= b|GREATER_THAN_EQUALS", "a < b|LESS_THAN",
            "a <= b|LESS_THAN_EQUALS", "a ~ b|LIKE", "a !~ b|NOT_LIKE", "a in (b)|IN", "a NOT IN (b)|NOT_IN",
            "a is EMPTY|IS", "a Is Not null|IS_NOT"})
    void eachOperator(String jql, Operator expected) {
        assertEquals(expected, ((Terminal) where(jql)).operator());
    }

    @Test
    void valuesQuotesNumbersListsAndEmpty() {
        assertEquals(new Terminal("status", Operator.EQUALS, new Value("In Progress")), where("status = \"In Progress\""));
        assertEquals(new Terminal("status", Operator.EQUALS, new Value("In Progress")), where("status='In Progress'"));
        assertEquals(new Terminal("id", Operator.GREATER_THAN, new Num(-10001)), where("id>-10001"));
        assertEquals(new Terminal("labels", Operator.IN, new ListOf(List.of(new Value("a"), new Num(2), new Empty()))),
                where("labels in (a, 2, EMPTY)"));
        assertEquals(new Terminal("summary", Operator.LIKE, new Value("say \"hi\"\n")), where("summary ~ \"say \\\"hi\\\"\\n\""));
        assertEquals(new Terminal("summary", Operator.LIKE, new Value("and")), where("summary ~ \"and\""));
        assertEquals(new Terminal("key", Operator.EQUALS, new Value("ABC-1")), where("key = ABC-1"));
    }

    @Test
    void functionsWithAndWithoutArguments() {
        assertEquals(new Call("currentUser", List.of()), ((Terminal) where("assignee = currentUser()")).operand());
        assertEquals(new Call("now", List.of()), ((Terminal) where("created < now()")).operand());
        for (String f : List.of("startOfDay", "endOfDay", "startOfWeek", "endOfWeek", "startOfMonth", "endOfMonth", "startOfYear", "endOfYear")) {
            assertEquals(new Call(f, List.of("-1d")), ((Terminal) where("created >= " + f + "(\"-1d\")")).operand());
            assertEquals(new Call(f, List.of("-1")), ((Terminal) where("created >= " + f + "(-1)")).operand());
            assertEquals(new Call(f, List.of()), ((Terminal) where("created >= " + f + "()")).operand());
        }
        assertEquals(new Call("f", List.of("a", "b c")), ((Terminal) where("x = f(a, 'b c')")).operand());
    }

    @Test
    void relativeAndAbsoluteDatesAreValuesUntilValidated() {
        assertEquals(new Value("-7d"), ((Terminal) where("created >= -7d")).operand());
        assertEquals(new Value("4d 2h"), ((Terminal) where("created >= \"4d 2h\"")).operand());
        assertEquals(new Value("2026-01-31"), ((Terminal) where("created >= 2026-01-31")).operand());
        assertEquals(new Value("2026-01-31 14:00"), ((Terminal) where("created >= \"2026-01-31 14:00\"")).operand());
    }

    @Test
    void precedenceNotThenAndThenOr() {
        Terminal a = new Terminal("a", Operator.EQUALS, new Value("1x"));
        Terminal b = new Terminal("b", Operator.EQUALS, new Value("2x"));
        Terminal c = new Terminal("c", Operator.EQUALS, new Value("3x"));
        assertEquals(new Or(List.of(a, new And(List.of(b, c)))), where("a = 1x or b = 2x and c = 3x"));
        assertEquals(new And(List.of(new Or(List.of(a, b)), c)), where("(a = 1x || b = 2x) && c = 3x"));
        assertEquals(new And(List.of(new Not(a), b)), where("!a = 1x & NOT b != 2x".replace("NOT b != 2x", "b = 2x")));
        assertEquals(new Or(List.of(new Not(new Not(a)), b)), where("not NOT a = 1x | b = 2x"));
    }

    @Test
    void orderByFieldsAndDirections() {
        Query q = Jql.parse("project = X order by created DESC, key, \"summary\" asc");
        assertEquals(List.of(new SortField("created", SortField.Direction.DESC), new SortField("key", null),
                new SortField("summary", SortField.Direction.ASC)), q.orderBy());
        assertTrue(q.isBounded());
        Query bare = Jql.parse("ORDER BY created");
        assertFalse(bare.isBounded());
        assertFalse(Jql.parse("").isBounded());
    }

    @Test
    void printsCanonicalJql() {
        Query q = Jql.parse("project = abc and (status = \"In Progress\" or labels in (x, 'y z')) and not summary ~ order\\u0020x order by created");
        assertEquals("project = abc AND (status = \"In Progress\" OR labels IN (x, \"y z\")) AND NOT summary ~ \"order x\" ORDER BY created",
                Jql.print(q));
        assertEquals(q, Jql.parse(Jql.print(q)));
        assertEquals("cf[10001] = \"10\"", Jql.print(Jql.parse("cf[10001] = \"10\"")));
    }

    @Test
    void syntaxErrorsUseJiraTexts() {
        String ops = " The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
        String p = "Error in the JQL Query: ";
        assertEquals(p + "Expecting operator but got 'query'." + ops + " (line 1, character 9)", error("project query"));
        assertEquals(p + "Expecting operator before the end of the query." + ops, error("a"));
        assertEquals(p + "Expecting ')' before the end of the query.", error("(a=b and c = d"));
        assertEquals(p + "Expecting ')' but got 'abc'. (line 1, character 15)", error("abc IN ((foo) abc = a"));
        assertEquals(p + "Expecting ')' but got 'ORDER'. (line 1, character 20)", error("(assignee = \"User\" ORDER BY updated DESC)"));
        assertEquals(p + "The quoted string 'test' has not been completed. (line 1, character 11)", error("comment ~ 'test"));
        assertEquals(p + "The quoted string 'test word' has not been completed. (line 1, character 10)", error("priority=\"test\nword"));
        assertEquals(p + "The quoted string has not been completed. (line 1, character 11)", error("comment ~ '"));
        assertEquals(p + "Expecting either 'OR' or 'AND' but got 'c'. (line 1, character 5)", error("a=b c=d"));
        assertEquals(p + "Expecting either 'OR' or 'AND' but got '!'. (line 1, character 5)", error("a=b !c=d"));
        assertEquals(p + "Expecting either a value, list or function before the end of the query.", error("a="));
        assertEquals(p + "Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 3)", error("a=!"));
        assertEquals(p + "Expecting either a value, list or function but got 'OR'. You must surround 'OR' in quotation marks to use it as a value. (line 1, character 11)", error("project = OR AND x = y"));
        assertEquals(p + "Expecting a field name at the end of the query.", error("a = b and"));
        assertEquals(p + "Expecting a field name but got ','. You must surround ',' in quotation marks to use it as a field name. (line 1, character 1)", error(", a = b"));
        assertEquals(p + "Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 1)", error("[brenden] = a"));
        assertEquals(p + "'for' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)", error("summary ~ for"));
        assertEquals(p + "The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 5)", error("mine{www = qwwr"));
        assertEquals(p + "The character 'U+007F' on line 1 at position 10 must be escaped. Use the escape '\\u007f' instead. (line 1, character 10)", error("minewww =\u007fqwwr"));
        assertEquals(p + "'\\un' is an illegal JQL escape sequence. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 6)", error("comme\\unt ~ 'test"));
        assertEquals(p + "'-3482094382084092840932809482' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 7)", error("aaaaa=-3482094382084092840932809482"));
        assertEquals(p + "Expecting 'IN' but got 'is'. (line 1, character 16)", error("a =a and j not is empty"));
        assertEquals(p + "Expecting 'NOT' but got '!'. (line 1, character 15)", error("a =a and j is ! empty"));
        assertEquals(p + "A field name cannot be empty. (line 1, character 1)", error("'' = c"));
        assertEquals(p + "A function name cannot be empty. (line 1, character 5)", error("a = ''()"));
    }

    @Test
    void functionAndOrderByErrorsUseJiraTexts() {
        String p = "Error in the JQL Query: ";
        assertEquals(p + "Expecting ')' before the end of the query.", error("a = func("));
        assertEquals(p + "Expecting ')' but got ','. (line 1, character 10)", error("a = func(, and not (a = x)"));
        assertEquals(p + "Function argument must be specified. (line 1, character 14)", error("bas=func(bad,)"));
        assertEquals(p + "Expecting a function argument at the end of the query.", error("bas=func(bad,"));
        assertEquals(p + "Expecting a function argument but got '!'. You must surround '!' in quotation marks to use it as an argument. (line 1, character 10)", error("k = func(!"));
        assertEquals(p + "Expecting ')' or ',' but got '!'. (line 1, character 17)", error("k = func(abc, jk!)"));
        assertEquals(p + "Expecting 'by' before the end of the query.", error("a =b order"));
        assertEquals(p + "Expecting 'by' but got 'summary'. (line 1, character 12)", error("a =b order summary"));
        assertEquals(p + "Expecting a field name at the end of the query.", error("a =b order by"));
        assertEquals(p + "Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 15)", error("a =b order by asc"));
        assertEquals(p + "Expecting either 'ASC' or 'DESC' but got 'blah'. (line 1, character 21)", error("a =b order by ajsks blah"));
        assertEquals(p + "Expecting ',' but got 'd'. (line 1, character 17)", error("order by a desc d"));
        assertEquals(p + "Expecting '[' but got '='. (line 1, character 19)", error("a = b and not (cf = 6)"));
        assertEquals(p + "Expecting ']' before the end of the query.", error("cf[29829"));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        assertEquals("Error in the JQL Query: The query is nested too deeply. (line 1, character 102)", error("(".repeat(5000) + "a = b"));
        assertEquals("Error in the JQL Query: The query is nested too deeply. (line 1, character 405)", error("NOT ".repeat(5000) + "a = b"));
        assertEquals("Error in the JQL Query: The query is nested too deeply. (line 1, character 107)", error("a in " + "(".repeat(5000)));
        assertEquals("a = b", Jql.print(Jql.parse("(".repeat(100) + "a = b" + ")".repeat(100))));
    }

    @Test
    void positionsCountLines() {
        assertEquals("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'c'. (line 2, character 3)", error("a = b\n  c = d"));
    }
}
