package dev.jirasim.simulator.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks Jira Data Center responses against Atlassian's DC OpenAPI document. The document repeats eight
 * operation ids, so the validator refuses to load it directly; parsed first with swagger-parser and handed over
 * with the base path {@code /rest}, it loads (shared/specs/README.md).
 */
public final class DcSpecValidation {
    public static final Path SPEC = Path.of("../../shared/specs/jira-dc-v2.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiInteractionValidator validator;

    private DcSpecValidation() {
    }

    public static boolean available() {
        return Files.isReadable(SPEC);
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            var options = new ParseOptions();
            options.setResolve(true);
            var openApi = new OpenAPIV3Parser().read(SPEC.toAbsolutePath().toString(), null, options);
            validator = OpenApiInteractionValidator.createFor(openApi).withBasePathOverride("/rest").build();
        }
        return validator;
    }

    /**
     * The operations the document gives one bean where DC answers a JSON array of them (reference
     * jira-data-center.md §3.6 for {@code /project}; the same generator quirk on every list): the array itself is
     * exempt from the type check, and each element is validated against the bean instead.
     */
    static final Set<String> LISTS = Set.of("/rest/api/2/project", "/rest/api/2/field", "/rest/api/2/issuetype", "/rest/api/2/priority",
            "/rest/api/2/status", "/rest/api/2/statuscategory", "/rest/api/2/resolution", "/rest/api/2/user/search",
            "/rest/api/2/user/assignable/search");

    /** One of {@link #LISTS}, or a project's components or versions (DC: arrays; the document: one bean). */
    static boolean isList(String path) {
        return path != null && (LISTS.contains(path) || path.matches("/rest/api/2/project/[^/]+/(components|versions)"));
    }

    /** Validates every response under {@code /dc/{instance}[/{context}]/rest/api/…}, recording the problems. */
    public static Filter recordingInto(List<String> problems) {
        Filter whole = SpecValidation.recording(DcSpecValidation::validator, DcSpecValidation::specPath, DcSpecValidation::knownSpecGap, problems);
        return (requestSpec, responseSpec, ctx) -> {
            var response = whole.filter(requestSpec, responseSpec, ctx);
            String path = specPath(requestSpec.getURI());
            if (path != null) path = path.replaceFirst("\\?.*$", "");
            if (path != null && isList(path) && response.statusCode() == 200 && "GET".equals(requestSpec.getMethod())) {
                elements(path, response.asString(), problems);
            }
            return response;
        };
    }

    private static String specPath(String uri) {
        return uri.contains("/rest/api/") ? uri.substring(uri.indexOf("/rest/api/")).replaceFirst("^/rest/api/latest/", "/rest/api/2/") : null;
    }

    private static void elements(String path, String body, List<String> problems) {
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (Exception e) {
            problems.add("GET " + path + ": not JSON");
            return;
        }
        if (!array.isArray()) {
            problems.add("GET " + path + ": not an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            var element = SimpleResponse.Builder.status(200).withContentType("application/json").withBody(array.get(i).toString()).build();
            for (var m : validator().validateResponse(path, Request.Method.GET, element).getMessages()) {
                if (m.getLevel() == ValidationReport.Level.ERROR && !knownSpecGap(m.getKey(), m.getMessage(), 200, path)) {
                    problems.add("GET " + path + " [" + i + "]: " + m.getKey() + " " + m.getMessage());
                }
            }
        }
    }

    /**
     * Where the document is silent or wrong: many operations list error statuses without a body, though DC
     * sends its Error Collection; {@code GET /project} returns an array where the document declares one
     * project (reference jira-data-center.md §3.6), and so on for every list in {@link #LISTS}; the beans leave out members DC sends ({@code expand},
     * {@code projectTypeKey}, a list wrapper's {@code items}), which the validator reads as forbidden; and
     * {@code IssueBean.fields} declares every field an object, though summary, dates and labels are not.
     * Types, required members and every other check still apply.
     */
    static boolean knownSpecGap(String key, String message, int status, String path) {
        if (status >= 400 && (key.equals("validation.response.body.unexpected") || key.equals("validation.response.status.unknown"))) return true;
        if (key.equals("validation.response.body.schema.additionalProperties")) return true;
        if (status == 204 && key.equals("validation.response.body.missing")) return true;
        if (key.equals("validation.response.body.schema.type") && message.contains("/fields/")) return true;
        // VersionBean types startDate and releaseDate as date-times; DC answers a date ("2010-07-06"), as its own examples show.
        if (key.equals("validation.response.body.schema.format.date-time") && path != null && path.matches(".*/versions?(/[^/]+)?")
                && (message.contains("'/releaseDate'") || message.contains("'/startDate'"))) {
            return true;
        }
        if (changeItemNulls(key, message)) return true;
        return isList(path) && status == 200 && key.equals("validation.response.body.schema.type") && message.contains("(array)");
    }

    /**
     * {@code ChangeItemBean} types {@code from}, {@code fromString}, {@code to} and {@code toString} as non-nullable
     * strings, though DC writes {@code null} where a field had no value before or after (a resolution set by a
     * transition, a label list that was empty): the same quirk as Cloud's document.
     */
    static boolean changeItemNulls(String key, String message) {
        return key.equals("validation.response.body.schema.type")
                && message.matches("(?s)\\[Path '[^']*/changelog/histories/\\d+/items/\\d+/(from|fromString|to|toString)'] Instance type \\(null\\).*");
    }
}
