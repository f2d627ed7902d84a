package dev.jirasim.junit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.junit.JirasimExtension;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.junit.Lifecycle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension configured in code, as docs/junit.md shows it. */
class RegisteredExtensionTest {
    // doc:begin
    @RegisterExtension
    static JirasimExtension sim = JirasimExtension.builder()
            .world("worlds/small.yaml")        // or .world(WorldFile) built in code
            .consentAs("sam@small.test")       // or .interactiveConsent()
            .lifecycle(Lifecycle.PER_METHOD)
            .port(0)
            .build();
    // doc:end

    @Test
    void theWorldFileAndItsUserAreUsed(JirasimHandle handle) {
        assertEquals(List.of("small"), handle.control().exportWorld().sites().stream().map(s -> s.subdomain()).toList());
        assertEquals("sam@small.test", handle.control().consent().user());
    }
}
