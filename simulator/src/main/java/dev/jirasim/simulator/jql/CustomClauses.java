package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.CustomField;
import dev.jirasim.simulator.world.User;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Clauses on a site's custom fields, named {@code cf[n]}, by the field's name, or (the Sprint field)
 * {@code sprint}. Operators follow the field's type as in Jira: numbers and dates compare, options, people,
 * teams and sprints match values (sprints also {@code openSprints()}, {@code closedSprints()},
 * {@code futureSprints()}), text matches with {@code ~}. Values resolve here, at compile time, to the keys the
 * index holds them under ({@link Postings}), so every clause but a text match is a lookup; a text match checks
 * the candidate issues. As for system fields, {@code = EMPTY} is {@code IS EMPTY}, {@code IN (a, EMPTY)} also
 * matches issues without a value, and {@code !=}, {@code NOT IN} and {@code !~} never match an issue without
 * a value.
 */
final class CustomClauses {
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private final SearchContext ctx;
    private final ValueResolver values;
    private final List<String> errors;

    CustomClauses(SearchContext ctx, ValueResolver values, List<String> errors) {
        this.ctx = ctx;
        this.values = values;
        this.errors = errors;
    }

    /** The custom field a clause names: {@code cf[n]}, its name in any case, or {@code sprint} for the Sprint field. */
    static Optional<CustomField> field(SearchContext.Schema schema, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (CustomField f : schema.customFields()) {
            if (lower.equals("cf[" + f.number() + "]") || lower.equals(f.name().toLowerCase(Locale.ROOT))) return Optional.of(f);
        }
        if (lower.equals("sprint")) return schema.customFields().stream().filter(f -> f.type().equals("sprint")).findFirst();
        return Optional.empty();
    }

    Plan compile(CustomField f, Clause.Terminal t) {
        Operator op = t.operator();
        String name = t.field();
        boolean ordered = f.type().equals("storyPoints") || f.type().equals("number") || f.type().equals("date");
        boolean text = f.type().equals("text");
        Set<Operator> allowed = text ? Set.of(Operator.LIKE, Operator.NOT_LIKE, Operator.IS, Operator.IS_NOT)
                : ordered ? Set.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS, Operator.IS_NOT,
                        Operator.GREATER_THAN, Operator.GREATER_THAN_EQUALS, Operator.LESS_THAN, Operator.LESS_THAN_EQUALS)
                : Set.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN, Operator.IS, Operator.IS_NOT);
        if (!allowed.contains(op)) {
            errors.add(JqlMessages.operatorNotSupported(op, name));
            return new Plan.Nothing();
        }
        Plan has = new Plan.Custom(f.id(), Set.of(Postings.ANY));
        if (t.operand() instanceof Operand.Empty) return op.isNegative() ? has : new Plan.Not(has);
        if (text) return like(f, t, has);
        if (op.isRelational()) return compare(f, name, op, t.operand());
        // =, !=, IN, NOT IN: the value(s) meet any of the operand values.
        Set<Object> wanted = new HashSet<>();
        boolean orEmpty = false;
        for (Operand o : JqlCompiler.flatten(t.operand())) {
            if (o instanceof Operand.Empty) orEmpty = true;
            else wanted.addAll(resolve(f, name, o));
        }
        Plan any = new Plan.Custom(f.id(), wanted);
        if (op.isNegative()) return new Plan.And(List.of(has, new Plan.Not(any)));
        return orEmpty ? new Plan.Or(List.of(any, new Plan.Not(has))) : any;
    }

    /** {@code ~} and {@code !~} on a text field: a case-insensitive substring check of the candidates. */
    private Plan like(CustomField f, Clause.Terminal t, Plan has) {
        if (t.operand() instanceof Operand.Call call) {
            errors.add(values.misplacedFunction(call, t.field()));
            return new Plan.Nothing();
        }
        String needle = value(t.operand()).toLowerCase(Locale.ROOT);
        Plan contains = new Plan.Scan(i -> i.customFields().get(f.id()) instanceof String s && s.toLowerCase(Locale.ROOT).contains(needle));
        return t.operator() == Operator.LIKE ? contains : new Plan.And(List.of(has, new Plan.Not(contains)));
    }

    /** A number or date compared with {@code >}, {@code >=}, {@code <}, {@code <=}: a walk of the field's sorted values. */
    private Plan compare(CustomField f, String name, Operator op, Operand operand) {
        List<Object> bound = resolve(f, name, operand);
        if (bound.isEmpty()) return new Plan.Nothing();
        return new Plan.CustomRange(f.id(), op, bound.get(0));
    }

    /**
     * An operand as the field's values in the index's key form (numbers {@code Double}, sprint ids {@code Long},
     * options, teams and dates lower case, account ids as they are); a value that does not exist is Jira's
     * error, and gives none.
     */
    private List<Object> resolve(CustomField f, String name, Operand o) {
        if (o instanceof Operand.Call call) return call(f, name, call);
        String text = value(o);
        switch (f.type()) {
            case "storyPoints", "number" -> {
                try {
                    return List.of(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    errors.add(JqlMessages.unknownValue(text, name));
                    return List.of();
                }
            }
            case "date" -> {
                for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED)) {
                    try {
                        return List.of(LocalDate.parse(text, format).toString());
                    } catch (DateTimeParseException e) {
                        // try the next format
                    }
                }
                errors.add(JqlMessages.badDate(text, name, true));
                return List.of();
            }
            case "select" -> {
                var option = f.options().stream().filter(x -> x.id().equals(text) || x.value().equalsIgnoreCase(text)).findFirst();
                if (option.isEmpty()) {
                    errors.add(JqlMessages.unknownValue(text, name));
                    return List.of();
                }
                return List.of(option.get().value().toLowerCase(Locale.ROOT));
            }
            case "multiUser" -> {
                Optional<User> user = ctx.users().apply(text);
                if (user.isEmpty()) {
                    errors.add(JqlMessages.unknownValue(text, name));
                    return List.of();
                }
                return List.of(user.get().accountId());
            }
            case "sprint" -> {
                var sprint = ctx.schema().sprints().stream().filter(s -> Long.toString(s.id()).equals(text) || s.name().equalsIgnoreCase(text))
                        .findFirst();
                if (sprint.isEmpty()) {
                    errors.add(JqlMessages.unknownValue(text, name));
                    return List.of();
                }
                return List.of(sprint.get().id());
            }
            default -> {
                return List.of(text.toLowerCase(Locale.ROOT)); // team: any id
            }
        }
    }

    private List<Object> call(CustomField f, String name, Operand.Call call) {
        String lower = call.name().toLowerCase(Locale.ROOT);
        if (f.type().equals("sprint") && (lower.equals("opensprints") || lower.equals("closedsprints") || lower.equals("futuresprints"))) {
            if (!call.args().isEmpty()) {
                errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
                return List.of();
            }
            // openSprints(): the active ones; futureSprints(): not started; closedSprints(): completed.
            String state = lower.equals("opensprints") ? "active" : lower.equals("closedsprints") ? "closed" : "future";
            return ctx.schema().sprints().stream().filter(s -> s.state().equals(state)).map(s -> (Object) s.id()).toList();
        }
        if (f.type().equals("multiUser") && lower.equals("currentuser")) {
            if (!call.args().isEmpty()) {
                errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
                return List.of();
            }
            return ctx.accountId() == null ? List.of() : List.of(ctx.accountId());
        }
        errors.add(values.misplacedFunction(call, name));
        return List.of();
    }

    private static String value(Operand o) {
        return o instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) o).text();
    }
}
