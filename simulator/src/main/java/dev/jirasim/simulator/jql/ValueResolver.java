package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Project;
import dev.jirasim.simulator.world.User;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one JQL value into the form the postings use, or records Jira's "does not exist" error. A project
 * the searcher may not browse does not exist for them (reference §5.4), and neither do its issues.
 */
final class ValueResolver {
    /** Matches no posting: what {@code currentUser()} stands for when nobody is logged in. */
    static final String NO_MATCH = "\u0000";
    private static final String KEY = "[A-Za-z][A-Za-z0-9_]*-[0-9]+";
    private final IssueIndex index;
    private final SearchContext ctx;
    private final List<String> errors;
    private final Map<String, Optional<Project>> visible = new HashMap<>();

    ValueResolver(IssueIndex index, SearchContext ctx, List<String> errors) {
        this.index = index;
        this.ctx = ctx;
        this.errors = errors;
    }

    /** A visible project by key, id or name (whatever {@link SearchContext#projects} accepts). */
    Optional<Project> project(String ref) {
        return visible.computeIfAbsent(ref, r -> ctx.projects().apply(r).filter(ctx.canBrowse()));
    }

    /** A visible issue by key or numeric id. */
    Optional<Issue> issue(String ref) {
        Integer slot = ref.matches(KEY) ? index.slotOfKey(ref) : ref.matches("[0-9]+") ? index.slotOfId(ref) : null;
        return Optional.ofNullable(slot).map(index::issue).filter(i -> project(i.project()).isPresent());
    }

    static boolean looksLikeKey(String text) {
        return text.matches(KEY);
    }

    String resolve(JqlField field, String name, Operand operand) {
        if (operand instanceof Operand.Empty) return Postings.EMPTY;
        if (operand instanceof Operand.Call call) return call(field, name, call);
        String text = operand instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) operand).text();
        Optional<String> value = switch (field) {
            case PROJECT -> project(text).map(p -> p.key().toUpperCase(Locale.ROOT));
            case ISSUE_TYPE -> JiraCatalog.issueType(text).map(t -> Postings.lower(t.name()));
            case STATUS -> JiraCatalog.status(text).map(s -> Postings.lower(s.name()));
            case PRIORITY -> JiraCatalog.priority(text).map(p -> Postings.lower(p.name()));
            case RESOLUTION -> text.equalsIgnoreCase("unresolved") ? Optional.of(Postings.EMPTY)
                    : JiraCatalog.resolution(text).map(r -> Postings.lower(r.name()));
            case STATUS_CATEGORY -> JiraCatalog.STATUSES.stream().filter(s -> s.categoryKey().equalsIgnoreCase(text)
                    || s.categoryName().equalsIgnoreCase(text) || Integer.toString(s.categoryId()).equals(text)).findFirst()
                    .map(JiraCatalog.Status::categoryKey);
            case LABELS -> Optional.of(Postings.lower(text));
            case COMPONENT -> ctx.parts().apply(SearchContext.Part.COMPONENT, text).map(Postings::lower);
            case FIX_VERSION -> ctx.parts().apply(SearchContext.Part.VERSION, text).map(Postings::lower);
            case PARENT -> issue(text).map(i -> i.key().toUpperCase(Locale.ROOT));
            default -> ctx.users().apply(text).map(User::accountId);
        };
        if (value.isEmpty()) {
            errors.add(field == JqlField.PARENT && looksLikeKey(text) ? JqlMessages.noSuchIssue(text, name) : JqlMessages.unknownValue(text, name));
            return null;
        }
        return value.get();
    }

    /**
     * An {@code issuetype} value as the postings it stands for. A name matches that type in every project, shared or
     * a team-managed project's own; an id matches only the type with that id: the site's type in the company-managed
     * projects, or one team-managed project's own (Jira's rule, which an integration caching type ids runs into).
     */
    java.util.Set<String> issueTypes(String name, Operand operand) {
        if (operand instanceof Operand.Empty || operand instanceof Operand.Call) {
            String one = resolve(JqlField.ISSUE_TYPE, name, operand);
            return one == null ? Set.of() : Set.of(one);
        }
        String text = operand instanceof Operand.Num n ? Long.toString(n.value()) : ((Operand.Value) operand).text();
        var byName = JiraCatalog.ISSUE_TYPES.stream().filter(t -> t.name().equalsIgnoreCase(text)).findFirst();
        if (byName.isPresent()) return Set.of(Postings.lower(byName.get().name()));
        var projects = ctx.schema().projects();
        var shared = JiraCatalog.ISSUE_TYPES.stream().filter(t -> t.id().equals(text)).findFirst();
        if (projects.isEmpty()) {
            if (shared.isPresent()) return Set.of(Postings.lower(shared.get().name()));
        } else {
            Set<String> postings = new HashSet<>();
            boolean known = shared.isPresent();
            for (Project p : projects) {
                if (!ctx.canBrowse().test(p)) continue;
                for (Project.IssueTypeRef t : p.issueTypes()) {
                    if (!text.equals(t.id())) continue;
                    known = true;
                    postings.add(Postings.inProject(t.name(), p.key()));
                }
            }
            if (known) return postings;
        }
        errors.add(JqlMessages.unknownValue(text, name));
        return Set.of();
    }

    private String call(JqlField field, String name, Operand.Call call) {
        if (field.kind == JqlField.Kind.USER && call.name().equalsIgnoreCase("currentUser")) {
            if (!call.args().isEmpty()) {
                errors.add(JqlMessages.argumentCount(call.name(), 0, call.args().size()));
                return null;
            }
            return ctx.accountId() == null ? NO_MATCH : ctx.accountId();
        }
        errors.add(misplacedFunction(call, name));
        return null;
    }

    /** The error for a function where it cannot be used, or that does not exist at all. */
    String misplacedFunction(Operand.Call call, String field) {
        String lower = call.name().toLowerCase(Locale.ROOT);
        boolean known = lower.equals("currentuser") || JqlDates.FUNCTIONS.contains(lower);
        return known ? JqlMessages.functionNotApplicable(call.name(), field) : JqlMessages.unknownFunction(JqlPrinter.display(call));
    }

    /** {@code priority > Medium}, {@code resolution <= "Won't Do"}: the catalog order decides (Highest is greatest). */
    Plan ordered(JqlField field, Clause.Terminal t) {
        String value = resolve(field, t.field(), t.operand());
        if (value == null || value.isEmpty()) return new Plan.Nothing();
        var names = new java.util.ArrayList<String>();
        if (field == JqlField.PRIORITY) JiraCatalog.PRIORITIES.forEach(p -> names.add(0, Postings.lower(p.name())));
        else JiraCatalog.RESOLUTIONS.forEach(r -> names.add(Postings.lower(r.name())));
        int at = names.indexOf(value);
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            int c = Integer.compare(i, at);
            boolean keep = switch (t.operator()) {
                case GREATER_THAN -> c > 0;
                case GREATER_THAN_EQUALS -> c >= 0;
                case LESS_THAN -> c < 0;
                default -> c <= 0;
            };
            if (keep) wanted.add(names.get(i));
        }
        return new Plan.Terms(field, wanted);
    }
}
