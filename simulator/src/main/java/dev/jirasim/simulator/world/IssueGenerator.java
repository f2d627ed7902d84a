package dev.jirasim.simulator.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic sample issues (same seed, same issues) with varied types, statuses, priorities, people,
 * labels, dates, rich-text descriptions and comments. A world file asks for them with
 * {@code generateIssues: {seed, perProject}}; they are then ordinary issues (exports list them).
 */
public final class IssueGenerator {
    /** Generated issues are created between these instants. */
    static final Instant FROM = Instant.parse("2025-06-01T08:00:00Z");
    static final Instant TO = Instant.parse("2026-11-15T18:00:00Z");

    public record Spec(Long seed, Integer perProject) {
        public Spec {
            if (seed == null) seed = 1L;
            if (perProject == null) perProject = 50;
            if (perProject < 0 || perProject > 200_000) throw new IllegalArgumentException("perProject must be between 0 and 200000");
        }
    }

    private static final String[] VERBS = {"Fix", "Add", "Improve", "Remove", "Refactor", "Document", "Investigate", "Migrate", "Support", "Speed up"};
    private static final String[] THINGS = {"login page", "search results", "export to CSV", "webhook retries", "billing report",
            "API rate limiting", "dark mode", "audit log", "password reset", "issue import", "dashboard widgets", "mobile layout",
            "OAuth refresh", "notification e-mails", "permission checks", "release notes"};
    private static final String[] DETAILS = {"when the list is empty", "for large accounts", "on Safari", "after a timeout",
            "in the admin console", "for new users", "behind the proxy", "during the nightly job"};
    private static final String[] LABELS = {"backend", "frontend", "api", "security", "ux", "infra", "customer", "tech-debt"};
    private static final String[] TYPES = {"Task", "Task", "Bug", "Bug", "Story", "Story", "Epic", "Subtask"};
    private static final String[] STATUSES = {"To Do", "To Do", "In Progress", "In Review", "Done", "Done"};
    private static final int[] POINTS = {1, 2, 3, 5, 8, 13};
    private static final String[] PRIORITIES = {"Highest", "High", "Medium", "Medium", "Medium", "Low", "Lowest"};

    private IssueGenerator() {
    }

    /** Issues for one project, numbered from 1, ids from {@code firstId}. {@code people} are account ids of site members. */
    public static List<Issue> generate(Spec spec, Project project, List<String> people, long firstId) {
        return generate(spec, project, people, firstId, List.of(), List.of());
    }

    /**
     * The same, with values for the site's custom fields: story points and numbers, a sprint of the site, a
     * start date, a select option, a few people; team and text fields stay empty.
     */
    public static List<Issue> generate(Spec spec, Project project, List<String> people, long firstId, List<CustomField> customFields,
                                       List<Sprint> sprints) {
        return generate(spec, project, people, firstId, customFields, sprints, type -> Workflow.simplified(project));
    }

    /** With the site's custom fields, sprints and workflows from the world's Jira settings. */
    public static List<Issue> generate(Spec spec, Project project, List<String> people, long firstId, JiraSettings jira) {
        if (spec.perProject() > CACHE_UP_TO) return generateFresh(spec, project, people, firstId, jira);
        // The same inputs give the same issues, and issues are immutable (an edit stores a new one): every tenant and
        // every reset of a small generated world shares one list instead of drawing it again.
        var key = new Inputs(spec, project, List.copyOf(people), firstId, jira);
        synchronized (RECENT) {
            List<Issue> known = RECENT.get(key);
            if (known != null) return known;
        }
        List<Issue> made = generateFresh(spec, project, people, firstId, jira);
        synchronized (RECENT) {
            RECENT.put(key, made);
        }
        return made;
    }

    private static List<Issue> generateFresh(Spec spec, Project project, List<String> people, long firstId, JiraSettings jira) {
        return List.copyOf(generate(spec, project, people, firstId, jira.customFields(project.site()),
                jira.sprints().stream().filter(s -> s.site().equals(project.site())).toList(), type -> jira.workflowFor(project, type)));
    }

    /** Worlds of at most this many generated issues per project are remembered (a large one would be kept alive). */
    private static final int CACHE_UP_TO = 500;
    private static final int CACHE_ENTRIES = 64;

    private record Inputs(Spec spec, Project project, List<String> people, long firstId, JiraSettings jira) {
        /**
         * From the cheap parts only: a record's own hash would walk every workflow, field and sprint of the site, a
         * tenth of building the default world at a cold start. Equal inputs still hash alike; equals compares all.
         */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(spec.seed(), spec.perProject(), project.key(), people, firstId);
        }
    }

    private static final java.util.Map<Inputs, List<Issue>> RECENT = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Inputs, List<Issue>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /**
     * A drawn type the project's scheme lacks becomes the first of its types at the same level (or its first standard
     * type), and a drawn status its workflow lacks becomes the workflow's first: the draws stay the same, so worlds
     * generated before schemes existed keep their other values.
     */
    private static List<Issue> generate(Spec spec, Project project, List<String> people, long firstId, List<CustomField> customFields,
                                        List<Sprint> sprints, java.util.function.Function<String, Workflow> workflows) {
        var random = new Random(spec.seed() * 31 + project.key().hashCode());
        var issues = new ArrayList<Issue>();
        long span = Duration.between(FROM, TO).getSeconds();
        String lastParent = null;
        // A project has a few types and each has one workflow: look each up once, not once per issue.
        var workflowOfType = new java.util.HashMap<String, Workflow>();
        for (int n = 1; n <= spec.perProject(); n++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            if (type.equals("Subtask") && lastParent == null) type = "Task";
            type = inScheme(project, type);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            Workflow workflow = workflowOfType.computeIfAbsent(type, workflows);
            if (!workflow.hasStatus(status)) status = workflow.initialStatus();
            Instant created = FROM.plusSeconds((long) (random.nextDouble() * span));
            Instant updated = created.plusSeconds(random.nextInt(30 * 24 * 3600));
            if (updated.isAfter(TO)) updated = TO;
            boolean done = status.equals("Done");
            String reporter = people.isEmpty() ? null : people.get(random.nextInt(people.size()));
            String assignee = people.isEmpty() || random.nextInt(5) == 0 ? null : people.get(random.nextInt(people.size()));
            var labels = new ArrayList<String>();
            for (String l : LABELS) if (random.nextInt(6) == 0) labels.add(l);
            String summary = VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)] + " "
                    + DETAILS[random.nextInt(DETAILS.length)];
            String description = "Steps to reproduce: open the " + THINGS[random.nextInt(THINGS.length)] + ".\n"
                    + "Expected: it works " + DETAILS[random.nextInt(DETAILS.length)] + ".";
            var comments = new ArrayList<Comment>();
            int count = random.nextInt(4);
            for (int c = 0; c < count && reporter != null; c++) {
                Instant at = created.plusSeconds(3600L * (c + 1) * (1 + random.nextInt(48)));
                comments.add(new Comment(Long.toString(10000 + firstId * 4 + n * 4L + c), people.get(random.nextInt(people.size())),
                        Adf.fromText(c == 0 ? "I can reproduce this." : "Looking into " + THINGS[random.nextInt(THINGS.length)] + "."), at, at));
            }
            LocalDate due = random.nextInt(3) == 0 ? LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(7 + random.nextInt(60)) : null;
            String key = project.key() + "-" + n;
            String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
            String resolution = done ? (random.nextInt(5) == 0 ? "Won't Do" : "Done") : null;
            // Components and versions draw from their own sequence, so worlds generated before they existed stay the same.
            var parts = new Random(spec.seed() * 17 + key.hashCode());
            var components = new ArrayList<String>();
            for (Project.Component c : project.components()) if (parts.nextInt(3) == 0) components.add(c.name());
            var fixVersions = new ArrayList<String>();
            if (!project.versions().isEmpty() && parts.nextInt(2) == 0) {
                fixVersions.add(project.versions().get(parts.nextInt(project.versions().size())).name());
            }
            var custom = new java.util.LinkedHashMap<String, Object>();
            for (CustomField f : customFields) {
                switch (f.type()) {
                    case "storyPoints", "number" -> {
                        if (!type.equals("Epic") && parts.nextInt(5) < 3) custom.put(f.id(), (double) POINTS[parts.nextInt(POINTS.length)]);
                    }
                    case "sprint" -> {
                        if (!sprints.isEmpty() && parts.nextInt(2) == 0) custom.put(f.id(), List.of(sprints.get(parts.nextInt(sprints.size())).id()));
                    }
                    case "date" -> {
                        if (parts.nextInt(3) == 0) custom.put(f.id(), LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(parts.nextInt(14)).toString());
                    }
                    case "select" -> {
                        if (!f.options().isEmpty() && parts.nextInt(5) < 2) custom.put(f.id(), f.options().get(parts.nextInt(f.options().size())).value());
                    }
                    case "multiUser" -> {
                        if (!people.isEmpty() && parts.nextInt(10) < 3) custom.put(f.id(), List.of(people.get(parts.nextInt(people.size()))));
                    }
                    default -> { }
                }
            }
            long id = firstId + n - 1;
            // One history entry for an issue that left its first status: the move, at its last update, by whoever works on it.
            var history = new ArrayList<ChangeGroup>();
            String first = workflow.initialStatus();
            if (!status.equals(first)) {
                var items = new ArrayList<ChangeGroup.Item>();
                items.add(new ChangeGroup.Item("status", "jira", "status", JiraCatalog.status(first).orElseThrow().id(), first,
                        JiraCatalog.status(status).orElseThrow().id(), status));
                if (resolution != null) {
                    items.add(new ChangeGroup.Item("resolution", "jira", "resolution", null, null,
                            JiraCatalog.resolution(resolution).orElseThrow().id(), resolution));
                }
                history.add(new ChangeGroup(Long.toString(id * 10 + 1), assignee != null ? assignee : reporter, updated, items));
            }
            issues.add(new Issue(Long.toString(id), key, project.site(), project.key(), summary,
                    Adf.fromText(description), type, status, priority, assignee, reporter,
                    reporter, labels, created, updated, done ? updated : null, resolution,
                    due, type.equals("Subtask") ? lastParent : null, comments, components, fixVersions, custom, history, null));
            if (type.equals("Epic") || type.equals("Story")) lastParent = key;
        }
        return issues;
    }

    private static String inScheme(Project project, String type) {
        if (project.issueType(type).isPresent()) return type;
        int level = JiraCatalog.issueType(type).orElseThrow().hierarchyLevel();
        var levelOf = (java.util.function.ToIntFunction<Project.IssueTypeRef>) t -> JiraCatalog.issueType(t.name()).orElseThrow().hierarchyLevel();
        return project.issueTypes().stream().filter(t -> levelOf.applyAsInt(t) == level).findFirst()
                .or(() -> project.issueTypes().stream().filter(t -> levelOf.applyAsInt(t) == 0).findFirst())
                .orElseThrow().name();
    }
}
