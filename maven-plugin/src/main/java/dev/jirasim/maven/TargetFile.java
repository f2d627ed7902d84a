package dev.jirasim.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A conformance target file for the simulator the start goal started: the repository's
 * {@code scenarios/targets/simulator.yaml} (packed into the plugin), its base URLs moved to where the simulator
 * listens, and, when it has an admin token, {@code adminToken: ${env.JIRASIM_ADMIN_TOKEN}}: the suite reads the
 * token from its environment and masks it in every report.
 */
final class TargetFile {
    static final String TEMPLATE = "simulator.yaml";
    static final String TEMPLATE_URL = "http://localhost:8484";
    static final String TOKEN_VARIABLE = "JIRASIM_ADMIN_TOKEN";

    private TargetFile() {
    }

    static String template() {
        try (InputStream in = TargetFile.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) throw new IllegalStateException("the plugin lacks its " + TEMPLATE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String forSimulator(String template, String baseUrl, boolean adminToken) {
        if (!template.contains(TEMPLATE_URL)) throw new IllegalStateException(TEMPLATE + " no longer names " + TEMPLATE_URL);
        String text = template.replace(TEMPLATE_URL, baseUrl.replaceFirst("/+$", ""));
        if (adminToken) {
            if (!text.contains("\nvariables:\n")) throw new IllegalStateException(TEMPLATE + " has no variables section");
            text = text.replace("\nvariables:\n", "\nvariables:\n  adminToken: ${env." + TOKEN_VARIABLE + "}\n");
        }
        return "# Written by jirasim-maven-plugin for the simulator started on " + baseUrl + ", from scenarios/targets/" + TEMPLATE + "\n"
                + text;
    }
}
