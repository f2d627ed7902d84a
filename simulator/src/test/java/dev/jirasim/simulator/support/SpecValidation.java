package dev.jirasim.simulator.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks Jira v3 responses against Atlassian's published OpenAPI document ({@code ../shared/specs}), with
 * Atlassian's swagger-request-validator. Loaded once (it takes a couple of seconds); absent spec, absent validator.
 */
public final class SpecValidation {
    public static final Path SPEC = Path.of("../../shared/specs/jira-cloud-platform-v3.json");
    private static OpenApiInteractionValidator validator;

    private SpecValidation() {
    }

    public static boolean available() {
        return Files.isReadable(SPEC);
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) validator = OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString()).build();
        return validator;
    }

    /** A REST Assured filter that validates every v3 response through the gateway and records the problems. */
    public static Filter recordingInto(List<String> problems) {
        return recording(SpecValidation::validator, uri -> uri.contains("/rest/api/3/") ? uri.substring(uri.indexOf("/rest/api/3/")) : null,
                (key, message, status, path) -> knownSpecGap(key, status, path) || unsatisfiableClauseSchema(path, message)
                        || membersTheDocumentForgets(key, message) || changeItemNulls(key, message) || (status == 400 && path.equals("/rest/api/3/user")
                                && key.equals("validation.response.status.unknown")), problems);
    }

    /** Which validation messages are the document's fault, not the simulator's. */
    @FunctionalInterface
    public interface Gap {
        boolean known(String key, String message, int status, String path);
    }

    /**
     * The filter both documents use: maps the request URI to the document's path (null: not covered), validates
     * the response, and records every error the {@code gaps} do not explain.
     */
    static Filter recording(Supplier<OpenApiInteractionValidator> validator, Function<String, String> pathOf, Gap gaps, List<String> problems) {
        return (requestSpec, responseSpec, ctx) -> {
            var response = ctx.next(requestSpec, responseSpec);
            String path = pathOf.apply(requestSpec.getURI());
            if (path == null) return response;
            int q = path.indexOf('?');
            if (q >= 0) path = path.substring(0, q);
            var builder = SimpleResponse.Builder.status(response.statusCode()).withBody(response.asString());
            response.headers().forEach(h -> builder.withHeader(h.getName(), h.getValue()));
            ValidationReport report = validator.get().validateResponse(path, Request.Method.valueOf(requestSpec.getMethod()), builder.build());
            for (var m : report.getMessages()) {
                // The nested messages go along: an allOf failure names its cause only there.
                if (m.getLevel() == ValidationReport.Level.ERROR && !explained(m, gaps, response.statusCode(), path)
                        && !gaps.known(m.getKey(), m.getMessage() + nested(m.getNestedMessages()), response.statusCode(), path)) {
                    problems.add(requestSpec.getMethod() + " " + path + " " + response.statusCode() + ": " + m.getKey() + " " + m.getMessage()
                            + nested(m.getNestedMessages()));
                }
            }
            return response;
        };
    }

    /**
     * Where the document is known to be silent or wrong about the real service: many operations list 4xx
     * statuses without a body, though Jira sends its error collection (reference §5.2, §5.4); and a 204 can
     * carry no body whatever the document declares for it. The document lists no 429 anywhere, though every
     * route is rate limited (reference §5.13), and still describes the removed {@code /search} without the
     * 410 it now answers (reference §5.6).
     */
    static boolean knownSpecGap(String key, int status, String path) {
        return (status >= 400 && key.equals("validation.response.body.unexpected"))
                || (status == 204 && key.equals("validation.response.body.missing"))
                // The document gives the bytes of an attachment no content type at all.
                || (status == 200 && key.equals("validation.response.body.unexpected") && path.startsWith("/rest/api/3/attachment/content/"))
                || (key.equals("validation.response.status.unknown")
                        && (status == 429 || (status == 410 && path.equals("/rest/api/3/search"))
                                // The document says 201; a real site answered 200 (reference jira-cloud-more §2.3).
                                || (status == 200 && path.equals("/rest/api/3/issueLink"))));
    }

    /** A message a gap explains, or one whose every nested cause a gap explains (an allOf around a known gap). */
    private static boolean explained(ValidationReport.Message m, Gap gaps, int status, String path) {
        if (gaps.known(m.getKey(), m.getMessage(), status, path)) return true;
        var causes = m.getNestedMessages();
        return !causes.isEmpty() && causes.stream().allMatch(n -> explained(n, gaps, status, path));
    }

    /**
     * A changelog item's {@code from}, {@code fromString}, {@code to} and {@code toString} are {@code null} on real
     * Jira when there was no value before or after (reference jira-cloud-more §2, recorded changelogs), while the
     * document types them as non-nullable strings.
     */
    static boolean changeItemNulls(String key, String message) {
        return key.equals("validation.response.body.schema.type")
                && message.matches("(?s)\\[Path '[^']*/items/\\d+/(from|fromString|to|toString)'] Instance type \\(null\\).*");
    }

    private static String nested(List<ValidationReport.Message> messages) {
        var sb = new StringBuilder();
        for (var n : messages) sb.append(" / ").append(n.getMessage()).append(nested(n.getNestedMessages()));
        return sb.toString();
    }

    /**
     * The document's {@code JqlQueryClause} pairs {@code anyOf} with {@code additionalProperties: false} and no
     * properties, which no parse tree can satisfy; so {@code /jql/parse} structures are exempt (their shape is
     * checked member by member in JqlParseHttpTest instead).
     */
    static boolean unsatisfiableClauseSchema(String path, String message) {
        return path.endsWith("/jql/parse") && message.contains("/structure'");
    }

    /**
     * Members real responses carry that the document's closed schemas leave out: {@code untranslatedName} on
     * issue types and {@code projectKeys} from {@code expand=projectKeys} on a project (reference
     * jira-cloud-more §2, recorded responses). {@code GET /user} without {@code accountId} answers 400 with
     * "The 'accountId' query parameter needs to be provided", which the document does not list either.
     */
    static boolean membersTheDocumentForgets(String key, String message) {
        return (key.equals("validation.response.body.schema.additionalProperties")
                && (message.endsWith("[\"untranslatedName\"]") || message.endsWith("[\"projectKeys\"]")))
                // The same issue type, nested in a linked issue's fields.
                || (key.equals("validation.response.body.schema.allOf") && message.endsWith("[\"untranslatedName\"]"));
    }

    public static List<String> newList() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }
}
