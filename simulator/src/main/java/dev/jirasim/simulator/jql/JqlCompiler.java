package dev.jirasim.simulator.jql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a WHERE clause against a searcher and turns it into a {@link Plan}. Checks run in Jira's
 * order: the field exists, the operator fits the operand (list, EMPTY), the field supports the operator,
 * then each value exists. Every problem is collected, as Jira reports them all at once.
 */
final class JqlCompiler {
    final List<String> errors = new ArrayList<>();
    private final SearchContext ctx;
    private final ValueResolver values;
    private final IssueClauses issues;

    JqlCompiler(IssueIndex index, SearchContext ctx) {
        this.ctx = ctx;
        this.values = new ValueResolver(index, ctx, errors);
        this.issues = new IssueClauses(index, values, errors);
    }

    Plan compile(Clause clause) {
        if (clause instanceof Clause.And and) return new Plan.And(and.clauses().stream().map(this::compile).toList());
        if (clause instanceof Clause.Or or) return new Plan.Or(or.clauses().stream().map(this::compile).toList());
        if (clause instanceof Clause.Not not) return new Plan.Not(compile(not.clause()));
        return terminal((Clause.Terminal) clause);
    }

    private Plan terminal(Clause.Terminal t) {
        if (t.operator().isHistory()) return history(t);
        Optional<JqlField> found = JqlField.of(t.field());
        if (found.isEmpty()) {
            var custom = CustomClauses.field(ctx.schema(), t.field());
            if (custom.isEmpty()) return fail(JqlMessages.unknownField(t.field()));
            String usage = usageError(t);
            if (usage != null) return fail(usage);
            int before = errors.size();
            Plan plan = new CustomClauses(ctx, values, errors).compile(custom.get(), t);
            return errors.size() > before ? new Plan.Nothing() : plan;
        }
        JqlField field = found.get();
        String usage = usageError(t);
        if (usage != null) return fail(usage);
        if (!field.operators.contains(t.operator())) return fail(JqlMessages.operatorNotSupported(t.operator(), t.field()));
        int before = errors.size();
        Plan plan = switch (field.kind) {
            case TEXT -> text(field, t);
            case DATE -> new DateClauses(ctx, errors).compile(field, t);
            case ISSUE -> field == JqlField.ISSUE_KEY ? issues.key(t) : terms(field, t);
            default -> terms(field, t);
        };
        return errors.size() > before ? new Plan.Nothing() : plan;
    }

    /** WAS and CHANGED: only on the fields Jira keeps history for; any other field, known or custom, is refused. */
    private Plan history(Clause.Terminal t) {
        Optional<JqlField> found = JqlField.of(t.field());
        if (found.isEmpty() && CustomClauses.field(ctx.schema(), t.field()).isEmpty()) return fail(JqlMessages.unknownField(t.field()));
        String usage = usageError(t);
        if (usage != null) return fail(usage);
        if (found.isEmpty() || !History.FIELDS.contains(found.get())) return fail(JqlMessages.historyFieldNotSupported(t.field()));
        int before = errors.size();
        Plan plan = new HistoryClauses(ctx, values, errors).compile(found.get(), t);
        return errors.size() > before ? new Plan.Nothing() : plan;
    }

    /** Jira's operator-usage rules, which come before the field's own checks. */
    private static String usageError(Clause.Terminal t) {
        Operator op = t.operator();
        Operand operand = t.operand();
        String field = t.field();
        boolean empty = operand instanceof Operand.Empty;
        // A function may stand for a list (issuetype in standardIssueTypes(), sprint in openSprints()).
        if (op.isList() && !(operand instanceof Operand.ListOf) && !(operand instanceof Operand.Call)) {
            return empty ? JqlMessages.emptyNotSupported(op, field) : JqlMessages.nonListValue(op, JqlPrinter.display(operand), field);
        }
        if (!op.isList() && operand instanceof Operand.ListOf) return JqlMessages.listValue(op, JqlPrinter.display(operand), field);
        if ((op == Operator.IS || op == Operator.IS_NOT) && !empty) return JqlMessages.nonEmptyNotSupported(op, field);
        if (op.isRelational() && empty) return JqlMessages.emptyNotSupported(op, field);
        return null;
    }

    /** Keyword and user fields: a union of postings, or its complement for the negative operators. */
    private Plan terms(JqlField field, Clause.Terminal t) {
        if (t.operator().isRelational()) return values.ordered(field, t);
        Set<String> wanted = new HashSet<>();
        for (Operand o : flatten(t.operand())) {
            // issuetype in standardIssueTypes() / subTaskIssueTypes(): every type of that kind.
            if (field == JqlField.ISSUE_TYPE && o instanceof Operand.Call call
                    && (call.name().equalsIgnoreCase("standardIssueTypes") || call.name().equalsIgnoreCase("subTaskIssueTypes"))) {
                if (!call.args().isEmpty()) {
                    errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
                    continue;
                }
                boolean subtasks = call.name().equalsIgnoreCase("subTaskIssueTypes");
                dev.jirasim.simulator.world.JiraCatalog.ISSUE_TYPES.stream().filter(x -> x.subtask() == subtasks)
                        .forEach(x -> wanted.add(Postings.lower(x.name())));
                continue;
            }
            if (field == JqlField.ISSUE_TYPE) {
                wanted.addAll(values.issueTypes(t.field(), o));
                continue;
            }
            String v = values.resolve(field, t.field(), o);
            if (v != null) wanted.add(v);
        }
        if (!t.operator().isNegative()) return new Plan.Terms(field, wanted);
        // Jira's != and NOT IN never match issues without a value: "assignee != bob" leaves out unassigned ones.
        wanted.add(Postings.EMPTY);
        return new Plan.Not(new Plan.Terms(field, wanted));
    }

    private Plan text(JqlField field, Clause.Terminal t) {
        Operand operand = t.operand();
        Plan empty = new Plan.Terms(field, Set.of(Postings.EMPTY));
        if (operand instanceof Operand.Empty) return t.operator().isNegative() ? new Plan.Not(empty) : empty;
        if (operand instanceof Operand.Call call) return fail(values.misplacedFunction(call, t.field()));
        String text = operand instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) operand).text();
        if (text.isBlank()) return fail(JqlMessages.emptyText(t.field()));
        char first = text.charAt(0);
        if (first == '*' || first == '?') return fail(JqlMessages.textStartsWithWildcard(text, t.field(), first));
        Plan match = new Plan.Text(field, TextQuery.parse(text));
        return t.operator() == Operator.NOT_LIKE ? new Plan.Not(new Plan.Or(List.of(match, empty))) : match;
    }

    /** Whether the searcher may browse the project with this key. */
    boolean visible(String projectKey) {
        return values.project(projectKey).isPresent();
    }

    static List<Operand> flatten(Operand operand) {
        if (!(operand instanceof Operand.ListOf list)) return List.of(operand);
        var out = new ArrayList<Operand>();
        for (Operand o : list.values()) out.addAll(flatten(o));
        return out;
    }

    private Plan fail(String message) {
        errors.add(message);
        return new Plan.Nothing();
    }
}
