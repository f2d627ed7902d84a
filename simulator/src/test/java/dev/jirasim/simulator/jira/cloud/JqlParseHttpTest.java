package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.support.SpecValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class JqlParseHttpTest {

    @Test
    void structuresErrorsAndWarnings(JirasimServer sim) {
        var problems = SpecValidation.newList();
        var spec = Jira.bob(sim).acme(3).contentType("application/json");
        if (SpecValidation.available()) spec = spec.filter(SpecValidation.recordingInto(problems));
        spec.queryParam("validation", "strict")
                .body(Map.of("queries", List.of("project = ACME AND status in (Done, \"In Review\") ORDER BY key DESC",
                        "summary query", "project = SEC", "assignee is EMPTY OR reporter = currentUser()")))
                .post("/jql/parse").then().statusCode(200)
                .body("queries[0].structure.where.operator", equalTo("and"))
                .body("queries[0].structure.where.clauses[0].field.name", equalTo("project"))
                .body("queries[0].structure.where.clauses[0].operator", equalTo("="))
                .body("queries[0].structure.where.clauses[0].operand.value", equalTo("ACME"))
                .body("queries[0].structure.where.clauses[1].operand.values.value", equalTo(List.of("Done", "In Review")))
                .body("queries[0].structure.orderBy.fields[0].direction", equalTo("desc"))
                .body("queries[1].errors[0]", startsWith("Error in the JQL Query:"))
                .body("queries[1].structure", nullValue())
                .body("queries[0].structure.where.clauses[1].operand.values.encodedValue", equalTo(List.of("Done", "\"In Review\"")))
                .body("queries[0].structure.where.clauses[1].operand.encodedOperand", equalTo("(Done, \"In Review\")"))
                .body("queries[0].structure.where.clauses[1].field.encodedName", equalTo("status"))
                .body("queries[2].warnings", equalTo(List.of("The value 'SEC' does not exist for the field 'project'.")))
                .body("queries[2].structure", nullValue())
                .body("queries[3].structure.where.clauses[0].operand.keyword", equalTo("empty"))
                .body("queries[3].structure.where.clauses[1].operand.function", equalTo("currentUser"))
                .body("queries[3].structure.where.clauses[1].operand.encodedOperand", equalTo("currentUser()"));
        // Under warn (and its deprecated spelling false) a well-formed query keeps its tree beside the warning.
        for (String warn : List.of("warn", "false")) {
            Jira.bob(sim).acme(3).contentType("application/json").queryParam("validation", warn)
                    .body(Map.of("queries", List.of("project = SEC", "summary = x"))).post("/jql/parse").then().statusCode(200)
                    .body("queries[0].structure.where.operand.value", equalTo("SEC"))
                    .body("queries[0].warnings", equalTo(List.of("The value 'SEC' does not exist for the field 'project'.")))
                    .body("queries[1].warnings", equalTo(List.of("The operator '=' is not supported by the 'summary' field.")))
                    .body("queries[1].structure.where.field.name", equalTo("summary"));
        }
        Jira.bob(sim).acme(3).contentType("application/json").queryParam("validation", "sometimes")
                .body(Map.of("queries", List.of("project = ACME"))).post("/jql/parse").then().statusCode(400);
        Jira.bob(sim).acme(3).contentType("application/json").body(Map.of("queries", "project = ACME")).post("/jql/parse").then().statusCode(400);
        assumeTrue(SpecValidation.available(), "spec check skipped: shared specs not found");
        assertEquals(List.of(), problems);
    }
}
