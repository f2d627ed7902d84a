package dev.jirasim.simulator.dc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.DcSpecValidation;
import dev.jirasim.simulator.support.SimulatorExtension;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of DC REST response — successes and errors — against Atlassian's DC OpenAPI document. */
@ExtendWith(SimulatorExtension.class)
class DcSpecConformanceHttpTest {

    @Test
    void everyResponseValidatesAgainstTheDcSpec(JirasimServer sim) {
        assumeTrue(DcSpecValidation.available(), "Skipped: " + DcSpecValidation.SPEC.toAbsolutePath() + " not found (the shared specs folder is not beside this checkout)");
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        String write = DcRestHttpTest.token(sim, "jdoe", "WRITE");
        java.util.function.Supplier<RequestSpecification> api = () -> DcRestHttpTest.as(sim, write).filter(DcSpecValidation.recordingInto(problems));
        api.get().get("/rest/api/2/myself");
        api.get().get("/rest/api/latest/serverInfo");
        api.get().get("/rest/api/2/project");
        api.get().get("/rest/api/2/project/DCP");
        api.get().get("/rest/api/2/project/HR");
        api.get().queryParam("jql", "project = DCP ORDER BY key").queryParam("maxResults", 3).get("/rest/api/2/search");
        api.get().queryParam("jql", "project = HR").get("/rest/api/2/search");
        api.get().contentType("application/json").body(Map.of("jql", "project = DCO", "maxResults", 2)).post("/rest/api/2/search");
        String key = api.get().contentType("application/json").body(DcRestHttpTest.issue("DCP", "Spec check")).post("/rest/api/2/issue").path("key");
        api.get().contentType("application/json").body(DcRestHttpTest.issue("DCO", "refused")).post("/rest/api/2/issue");
        api.get().get("/rest/api/2/issue/" + key);
        api.get().get("/rest/api/2/issue/NOPE-1");
        api.get().contentType("application/json").body(Map.of("fields", Map.of("summary", "Spec check, edited"))).put("/rest/api/2/issue/" + key);
        api.get().contentType("application/json").body(Map.of("fields", Map.of("summary", ""))).put("/rest/api/2/issue/" + key);
        api.get().delete("/rest/api/2/issue/" + key);
        api.get().queryParam("jql", "project = HR").queryParam("validateQuery", "false").get("/rest/api/2/search");
        DcOAuthHttpTest.dc(sim).filter(DcSpecValidation.recordingInto(problems)).get("/rest/api/2/myself");
        assertEquals(List.of(), problems, "DC responses that do not match the official spec");
    }
}
