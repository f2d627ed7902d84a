package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.jql.Clause;
import dev.jirasim.simulator.jql.Jql;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.Operand;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.SortField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /jql/parse?validation=strict|warn|none}: each query's parse tree in Jira's structure, or its
 * errors. A value that does not exist (a project the user cannot see among them) is reported as a warning,
 * as in Atlassian's own example (reference §5.4); other validation problems are errors under {@code strict}
 * and warnings under {@code warn}; {@code none} only parses.
 */
final class JqlParseService {
    private final EngineJql engine;

    JqlParseService(EngineJql engine) {
        this.engine = engine;
    }

    Map<String, Object> parse(CloudCaller c, List<String> queries, String validation) {
        // "true" and "false" are the deprecated spellings of strict and warn (reference §5.5).
        String mode = validation == null || validation.equals("true") ? "strict" : validation.equals("false") ? "warn" : validation;
        if (!List.of("strict", "warn", "none").contains(mode)) {
            throw JiraErrors.badRequest("The validation parameter must be one of strict, warn or none.");
        }
        var results = new ArrayList<Object>();
        for (String text : queries) results.add(one(c, text, mode));
        return Map.of("queries", results);
    }

    private Map<String, Object> one(CloudCaller c, String text, String mode) {
        var result = new LinkedHashMap<String, Object>();
        result.put("query", text);
        Query query;
        try {
            query = Jql.parse(text);
        } catch (JqlException e) {
            result.put("errors", e.errorMessages());
            return result;
        }
        var errors = new ArrayList<String>();
        var warnings = new ArrayList<String>();
        if (!mode.equals("none")) {
            try {
                engine.search(c, text);
            } catch (JqlAdapter.Invalid invalid) {
                for (String m : invalid.messages) {
                    if (m.contains("does not exist for the field") || mode.equals("warn")) warnings.add(m);
                    else errors.add(m);
                }
            }
        }
        if (!errors.isEmpty()) {
            result.put("errors", errors);
            return result;
        }
        // Atlassian's example answers a strict query naming a missing value with its warning and no tree.
        if (warnings.isEmpty() || !mode.equals("strict")) result.put("structure", structure(query));
        if (!warnings.isEmpty()) result.put("warnings", warnings);
        return result;
    }

    static Map<String, Object> structure(Query query) {
        var s = new LinkedHashMap<String, Object>();
        if (query.where() != null) s.put("where", clause(query.where()));
        if (!query.orderBy().isEmpty()) {
            var fields = new ArrayList<Object>();
            for (SortField f : query.orderBy()) {
                // No direction written, none reported: the schema's direction is optional, the field's default applies.
                var sort = new LinkedHashMap<String, Object>();
                sort.put("field", field(f.field()));
                if (f.direction() != null) sort.put("direction", f.direction().name().toLowerCase(Locale.ROOT));
                fields.add(sort);
            }
            s.put("orderBy", Map.of("fields", fields));
        }
        return s;
    }

    private static Map<String, Object> clause(Clause clause) {
        if (clause instanceof Clause.And and) return compound("and", and.clauses());
        if (clause instanceof Clause.Or or) return compound("or", or.clauses());
        if (clause instanceof Clause.Not not) return compound("not", List.of(not.clause()));
        var t = (Clause.Terminal) clause;
        var m = new LinkedHashMap<String, Object>();
        m.put("field", field(t.field()));
        m.put("operator", t.operator().jql().toLowerCase(Locale.ROOT));
        if (t.operand() != null) m.put("operand", operand(t.operand()));   // CHANGED has none
        if (t.operator().isHistory()) {
            var predicates = new ArrayList<Object>();
            for (var p : t.predicates()) predicates.add(Map.of("operator", p.kind().display(), "operand", operand(p.operand())));
            m.put("predicates", predicates);
        }
        return m;
    }

    private static Map<String, Object> compound(String operator, List<Clause> clauses) {
        var list = new ArrayList<Object>();
        for (Clause c : clauses) list.add(clause(c));
        return Map.of("clauses", list, "operator", operator);
    }

    private static Map<String, Object> field(String name) {
        return Map.of("name", name, "encodedName", Jql.printField(name));
    }

    /** Jira's operand shapes; the encoded member is the operand as written in JQL. */
    private static Map<String, Object> operand(Operand operand) {
        String encoded = Jql.printOperand(operand);
        if (operand instanceof Operand.Value v) return Map.of("value", v.text(), "encodedValue", encoded);
        if (operand instanceof Operand.Num n) return Map.of("value", Long.toString(n.value()), "encodedValue", encoded);
        if (operand instanceof Operand.Empty) return Map.of("keyword", "empty");
        if (operand instanceof Operand.Call call) {
            return Map.of("function", call.name(), "arguments", call.args(), "encodedOperand", encoded);
        }
        var values = new ArrayList<Object>();
        for (Operand o : ((Operand.ListOf) operand).values()) values.add(operand(o));
        return Map.of("values", values, "encodedOperand", encoded);
    }
}
