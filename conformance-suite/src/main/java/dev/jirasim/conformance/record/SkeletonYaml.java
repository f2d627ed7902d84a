package dev.jirasim.conformance.record;

import java.util.Map;

/**
 * A {@link Skeleton} as scenario YAML (docs/scenario-format.md). The header comment tells the reviewer what was
 * recorded from where, which variables the target still lacks, and what to tighten before committing it.
 */
final class SkeletonYaml {
    private SkeletonYaml() {
    }

    static String write(Skeleton s) {
        var out = new StringBuilder();
        out.append("# Recorded by `jirasim-conformance record` from ").append(s.upstream())
                .append(": ").append(s.steps().size()).append(" exchanges, in order.\n")
                .append("# Review before committing: write a title and step names that state the behaviour, keep the steps\n")
                .append("# that show it, and turn shape checks into value checks where the value is the point.\n");
        if (!s.baseUrls().isEmpty()) {
            out.append("# Base URLs used").append(s.againstTarget() ? " (from the target file)" : "").append(":\n");
            s.baseUrls().forEach((name, url) -> out.append("#   ").append(name).append(": ").append(url).append('\n'));
            if (s.baseUrls().containsKey(BaseUrls.UPSTREAM)) {
                out.append("#   (`upstream` is no base URL of the target: add it under baseUrls, or move those steps to one.)\n");
            }
        }
        if (!s.supplied().isEmpty()) {
            out.append("# The target file must supply these variables (their recorded values are not written here):\n");
            for (var v : s.supplied()) out.append("#   ").append(v.name()).append(": <value>   # used in ").append(v.usedIn()).append('\n');
        }
        out.append("id: ").append(s.id()).append('\n')
                .append("title: ").append(Yaml.scalar("Recorded session " + s.id() + " (replace with the behaviour it shows)")).append('\n')
                .append("tags: [recorded]\n");
        if (!s.requires().isEmpty()) out.append("requires: [").append(String.join(", ", s.requires())).append("]\n");
        out.append("steps:\n");
        for (Skeleton.Step step : s.steps()) {
            out.append("  - name: ").append(Yaml.scalar(step.name())).append('\n');
            if (step instanceof Skeleton.Http h) http(h, out);
            else if (step instanceof Skeleton.Control c) control(c, out);
        }
        return out.toString();
    }

    private static void control(Skeleton.Control c, StringBuilder out) {
        out.append("    ").append(c.key()).append(':');
        if (c.argument() == null) out.append('\n');
        else if (c.argument().isContainerNode() && !c.argument().isEmpty()) {
            out.append('\n');
            Yaml.block(c.argument(), "      ", out);
        } else {
            out.append(' ').append(Yaml.value(c.argument())).append('\n');
        }
    }

    private static void http(Skeleton.Http h, StringBuilder out) {
        out.append("    request:\n");
        if (!h.method().equals("GET")) out.append("      method: ").append(h.method()).append('\n');
        out.append("      url: ").append(Yaml.scalar(h.url())).append('\n');
        map("      ", "headers", h.headers(), true, out);
        map("      ", "query", h.query(), true, out);
        map("      ", "form", h.form(), true, out);
        if (h.json() != null) {
            out.append("      json:");
            if (h.json().isContainerNode() && !h.json().isEmpty()) {
                out.append('\n');
                Yaml.block(h.json(), "        ", out);
            } else {
                out.append(' ').append(Yaml.value(h.json())).append('\n');
            }
        }
        if (h.body() != null) out.append("      body: ").append(Yaml.scalar(h.body())).append('\n');
        out.append("    expect:\n      status: ").append(h.status()).append('\n');
        map("      ", "headers", h.expectHeaders(), false, out);
        if (!h.expectJson().isEmpty()) {
            out.append("      json:\n");
            for (Shapes.Check c : h.expectJson()) out.append("        ").append(Yaml.scalar(c.path())).append(": ").append(c.matchers()).append('\n');
        }
        if (!h.captures().isEmpty()) map("    ", "capture", h.captures(), false, out);
    }

    /** A mapping in block style; {@code quote} for values that are text, not YAML already. */
    private static void map(String indent, String key, Map<String, String> entries, boolean quote, StringBuilder out) {
        if (entries.isEmpty()) return;
        out.append(indent).append(key).append(":\n");
        entries.forEach((k, v) -> out.append(indent).append("  ").append(Yaml.scalar(k)).append(": ")
                .append(quote ? Yaml.scalar(v) : v).append('\n'));
    }
}
