package dev.jirasim.conformance.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.steps.Templates;
import dev.jirasim.conformance.steps.Variables;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetParserTest {
    private static final String TARGET = """
            name: gateway
            baseUrls: {auth: "https://auth.example/", api: https://api.example}
            capabilities: [clock, seed]
            variables:
              clientId: abc
              clientSecret: ${env.GATEWAY_SECRET}
            """;

    @Test
    void environmentValuesBecomeSecretsThatReportsMask() throws Exception {
        Target target = TargetParser.parse(Path.of("t.yaml"), TARGET, Map.of("GATEWAY_SECRET", "s3cr3t-value")::get);
        assertEquals("https://auth.example", target.baseUrls().get("auth"));
        assertEquals(Set.of("clientSecret"), target.secrets());
        var vars = new Variables(k -> null);
        vars.putSecret("clientSecret", target.variables().get("clientSecret"));
        String sent = Templates.render("client_secret=${clientSecret}&client_id=abc", vars);
        assertTrue(sent.contains("s3cr3t-value"), "the real value is sent");
        assertFalse(vars.mask("evidence: " + sent).contains("s3cr3t-value"), "but never shown");
    }

    @Test
    void inlineEnvironmentReferencesInStepsAreMaskedToo() {
        var vars = new Variables(Map.of("TOKEN", "tok-123456")::get);
        String rendered = Templates.render("Bearer ${env.TOKEN}", vars);
        assertEquals("Bearer tok-123456", rendered);
        assertEquals("Bearer ***", vars.mask(rendered));
    }

    @Test
    void missingEnvironmentAndUnknownCapabilitiesAreFileErrors() {
        var p = assertThrows(ParseProblem.class, () -> TargetParser.parse(Path.of("t.yaml"), TARGET, k -> null));
        assertTrue(p.getMessage().contains("t.yaml:6:17: environment variable GATEWAY_SECRET is not set"), p.getMessage());
        p = assertThrows(ParseProblem.class, () -> TargetParser.parse(Path.of("t.yaml"), "baseUrls: {}\ncapabilities: [teleport]\n", k -> null));
        assertTrue(p.getMessage().contains("unknown capability 'teleport'"), p.getMessage());
    }
}
