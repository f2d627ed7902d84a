package dev.jirasim.simulator.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Projects and issues of every site in one world, with the permission rules. Changes go through the
 * synchronized methods here (unique keys and ids under concurrent creates); listeners (the search indexes)
 * hear about every change.
 */
public final class JiraData {
    /** Told about every issue change; an update is a removal followed by an addition. */
    public interface Listener {
        void added(Issue issue);

        void removed(Issue issue);
    }

    private final Map<String, User> users;
    /** Replaced whole (copy on write) when a project is created, changed or deleted, so readers need no lock. */
    private volatile Map<String, Map<String, Project>> projectsBySite = new LinkedHashMap<>();
    private final Map<String, Map<String, Issue>> issuesBySite = new HashMap<>();
    private final Map<String, Map<String, Issue>> issuesByIdBySite = new HashMap<>();
    private final Map<String, Long> lastNumber = new HashMap<>();
    private final Map<String, List<Listener>> listeners = new HashMap<>();
    private long lastId = 10_000;
    private long lastChangeId = 10_000;
    private long lastWorklogId = 10_000;
    /** Worklogs deleted through the API, per site, oldest first: what {@code /worklog/deleted} lists. Not in world files. */
    private final Map<String, List<DeletedWorklog>> deletedWorklogs = new HashMap<>();
    /** Projects in the trash by site and key: gone from the API, restorable, their keys still taken. */
    private final Map<String, Map<String, Trashed>> trash = new HashMap<>();

    /** A deleted project kept for restoring, with the issues it had. */
    public record Trashed(Project project, List<Issue> issues, java.time.Instant deletedAt, String deletedBy) {
        public Trashed {
            issues = List.copyOf(issues);
        }
    }

    JiraData(Map<String, User> users) {
        this.users = users;
    }

    /** Only while the world is being built. */
    synchronized void addProject(Project given) {
        Project project = withTypeIds(given);
        var siteProjects = projectsBySite.computeIfAbsent(project.site(), k -> new LinkedHashMap<>());
        if (siteProjects.putIfAbsent(project.key(), project) != null) {
            throw new WorldException("duplicate project key " + project.key() + " on site " + project.site());
        }
    }

    /** A new project, made by the REST API; null when its key or name is taken on the site (nothing changes then). */
    public synchronized Project createProject(Project given) {
        var siteProjects = projectsBySite.getOrDefault(given.site(), Map.of());
        Project project = withTypeIds(given);
        if (siteProjects.containsKey(project.key()) || trash.getOrDefault(project.site(), Map.of()).containsKey(project.key())) return null;
        if (siteProjects.values().stream().anyMatch(p -> p.name().equalsIgnoreCase(project.name()))) return null;
        swapProjects(project.site(), m -> m.put(project.key(), project));
        UndoLog.note(() -> swapProjects(project.site(), m -> m.remove(project.key())));
        return project;
    }

    /** The same project (same site and key) with other details. */
    public synchronized void replaceProject(Project next) {
        Project previous = projectsBySite.getOrDefault(next.site(), Map.of()).get(next.key());
        if (previous == null) throw new IllegalArgumentException("no project " + next.key() + " on " + next.site());
        swapProjects(next.site(), m -> m.put(next.key(), next));
        UndoLog.note(() -> swapProjects(previous.site(), m -> m.put(previous.key(), previous)));
    }

    /** Deletes a project and its issues (the search indexes hear of each issue). */
    public synchronized void deleteProject(Project project) {
        for (Issue issue : new ArrayList<>(issues(project.site()))) if (issue.project().equals(project.key())) delete(issue);
        swapProjects(project.site(), m -> m.remove(project.key()));
        UndoLog.note(() -> swapProjects(project.site(), m -> m.put(project.key(), project)));
    }

    /**
     * A team-managed project's own issue types get ids that no other type in the world has (Jira numbers them from
     * the same sequence as the shared ones); an id the world gave that another type has already is an error.
     */
    private Project withTypeIds(Project project) {
        if (!project.teamManaged()) return project;
        var used = new java.util.HashSet<String>();
        JiraCatalog.ISSUE_TYPES.forEach(t -> used.add(t.id()));
        for (Project p : allProjects()) if (p.teamManaged() && !p.key().equals(project.key())) p.issueTypes().forEach(t -> used.add(t.id()));
        for (Project.IssueTypeRef t : project.issueTypes()) {
            if (t.id() != null && !used.add(t.id())) {
                throw new WorldException("project " + project.key() + ": issue type id " + t.id() + " is already another issue type's");
            }
        }
        long next = used.stream().mapToLong(Long::parseLong).max().orElse(0) + 10;
        var types = new ArrayList<Project.IssueTypeRef>();
        for (Project.IssueTypeRef t : project.issueTypes()) types.add(t.id() != null ? t : new Project.IssueTypeRef(t.name(), Long.toString(next++)));
        return project.withIssueTypes(types);
    }

    /**
     * Moves a project and its issues to the trash (Jira's delete with undo): gone from every read and search, the
     * key still taken, restorable with {@link #restoreProject}.
     */
    public synchronized void trashProject(Project project, java.time.Instant at, String by) {
        var issues = new ArrayList<Issue>();
        for (Issue issue : new ArrayList<>(issues(project.site()))) {
            if (issue.project().equals(project.key())) {
                issues.add(issue);
                delete(issue);
            }
        }
        swapProjects(project.site(), m -> m.remove(project.key()));
        trash.computeIfAbsent(project.site(), k -> new LinkedHashMap<>()).put(project.key(), new Trashed(project, issues, at, by));
        UndoLog.note(() -> {
            synchronized (this) {
                trash.get(project.site()).remove(project.key());
                swapProjects(project.site(), m -> m.put(project.key(), project));
            }
        });
    }

    /** Takes a project out of the trash with its issues, as they were; empty when it is not there. */
    public synchronized Optional<Project> restoreProject(String site, String keyOrId) {
        var siteTrash = trash.getOrDefault(site, Map.of());
        Trashed t = trashed(site, keyOrId).orElse(null);
        if (t == null) return Optional.empty();
        siteTrash.remove(t.project().key());
        swapProjects(site, m -> m.put(t.project().key(), t.project()));
        t.issues().forEach(this::restore);
        UndoLog.note(() -> {
            synchronized (this) {
                for (Issue issue : t.issues()) delete(issue);
                swapProjects(site, m -> m.remove(t.project().key()));
                trash.computeIfAbsent(site, k -> new LinkedHashMap<>()).put(t.project().key(), t);
            }
        });
        return Optional.of(t.project());
    }

    /** A project in the trash, by key (any case) or id. */
    public synchronized Optional<Trashed> trashed(String site, String keyOrId) {
        if (keyOrId == null) return Optional.empty();
        return trash.getOrDefault(site, Map.of()).values().stream()
                .filter(t -> t.project().key().equalsIgnoreCase(keyOrId) || t.project().id().equals(keyOrId)).findFirst();
    }

    /** The projects in one site's trash, oldest deletion first. */
    public synchronized List<Trashed> trash(String site) {
        return List.copyOf(trash.getOrDefault(site, Map.of()).values());
    }

    /** Deletes for good what went to the trash before {@code cutoff} (Jira keeps it 60 days). */
    public synchronized void emptyTrash(java.time.Instant cutoff) {
        for (var siteTrash : trash.values()) siteTrash.values().removeIf(t -> t.deletedAt().isBefore(cutoff));
    }

    /** The highest project id in the world, trash included, for the next one. */
    public long lastProjectId() {
        long live = allProjects().stream().mapToLong(p -> Long.parseLong(p.id())).max().orElse(9_999);
        synchronized (this) {
            for (var siteTrash : trash.values()) for (Trashed t : siteTrash.values()) live = Math.max(live, Long.parseLong(t.project().id()));
        }
        return live;
    }

    private void swapProjects(String site, java.util.function.Consumer<Map<String, Project>> change) {
        var next = new LinkedHashMap<String, Map<String, Project>>();
        projectsBySite.forEach((k, v) -> next.put(k, new LinkedHashMap<>(v)));
        change.accept(next.computeIfAbsent(site, k -> new LinkedHashMap<>()));
        projectsBySite = next;
    }

    synchronized void load(Issue issue) {
        Project project = project(issue.site(), issue.project()).orElseThrow(() ->
                new WorldException("issue " + issue.key() + " names unknown project " + issue.project() + " on site " + issue.site()));
        var byKey = issuesBySite.computeIfAbsent(issue.site(), k -> new LinkedHashMap<>());
        if (byKey.containsKey(issue.key())) throw new WorldException("duplicate issue key " + issue.key() + " on site " + issue.site());
        if (issuesByIdBySite.computeIfAbsent(issue.site(), k -> new HashMap<>()).putIfAbsent(issue.id(), issue) != null) {
            throw new WorldException("duplicate issue id " + issue.id() + " on site " + issue.site());
        }
        byKey.put(issue.key(), issue);
        lastNumber.merge(issue.site() + "/" + project.key(), issue.number(), Math::max);
        lastId = Math.max(lastId, Long.parseLong(issue.id()));
        for (ChangeGroup g : issue.changelog()) lastChangeId = Math.max(lastChangeId, Long.parseLong(g.id()));
        for (IssueActivity.Worklog w : issue.activity().worklogs()) {
            try {
                lastWorklogId = Math.max(lastWorklogId, Long.parseLong(w.id()));
            } catch (NumberFormatException e) {
                throw new WorldException("worklog id must be numeric: " + w.id());
            }
        }
    }

    /** A worklog that was deleted, and when (the world's clock). */
    public record DeletedWorklog(String id, java.time.Instant at) {
    }

    /** The next worklog id of the world (ids only grow). */
    public synchronized String nextWorklogId() {
        return Long.toString(++lastWorklogId);
    }

    /** Notes that a worklog of {@code site} was deleted at {@code at}, for {@code /worklog/deleted}. */
    public synchronized void worklogDeleted(String site, String id, java.time.Instant at) {
        var list = deletedWorklogs.computeIfAbsent(site, k -> new ArrayList<>());
        var entry = new DeletedWorklog(id, at);
        list.add(entry);
        UndoLog.note(() -> {
            synchronized (this) {
                list.remove(entry);
            }
        });
    }

    /** The worklogs deleted on {@code site}, oldest first. */
    public synchronized List<DeletedWorklog> deletedWorklogs(String site) {
        return List.copyOf(deletedWorklogs.getOrDefault(site, List.of()));
    }

    /** The next changelog id of the world (ids only grow; an undone change does not give its id back). */
    public synchronized String nextChangeId() {
        return Long.toString(++lastChangeId);
    }

    // Project readers take no lock: the project map is replaced whole when a project changes (and built before the
    // world is published), and searches call them while holding an index's read lock, which a writer holding this
    // object's monitor may be waiting for.

    public List<Project> projects(String site) {
        return List.copyOf(projectsBySite.getOrDefault(site, Map.of()).values());
    }

    public List<Project> allProjects() {
        var all = new ArrayList<Project>();
        projectsBySite.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** A project by key (case-insensitive) or id. */
    public Optional<Project> project(String site, String keyOrId) {
        if (keyOrId == null) return Optional.empty();
        var siteProjects = projectsBySite.getOrDefault(site, Map.of());
        Project byKey = siteProjects.get(keyOrId.toUpperCase(Locale.ROOT));
        if (byKey != null) return Optional.of(byKey);
        return siteProjects.values().stream().filter(p -> p.id().equals(keyOrId)).findFirst();
    }

    /** A JQL project value: key in any case, numeric id, or name. */
    public Optional<Project> projectByRef(String site, String ref) {
        var byKeyOrId = project(site, ref);
        if (byKeyOrId.isPresent()) return byKeyOrId;
        return projects(site).stream().filter(p -> p.name().equalsIgnoreCase(ref)).findFirst();
    }

    public synchronized Collection<Issue> issues(String site) {
        return List.copyOf(issuesBySite.getOrDefault(site, Map.of()).values());
    }

    public synchronized List<Issue> allIssues() {
        var all = new ArrayList<Issue>();
        issuesBySite.values().forEach(m -> all.addAll(m.values()));
        all.sort((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())));
        return all;
    }

    /** An issue by id or key (keys case-insensitive, as Jira's GET issue). */
    public synchronized Optional<Issue> issue(String site, String idOrKey) {
        if (idOrKey == null) return Optional.empty();
        Issue byId = issuesByIdBySite.getOrDefault(site, Map.of()).get(idOrKey);
        if (byId != null) return Optional.of(byId);
        return Optional.ofNullable(issuesBySite.getOrDefault(site, Map.of()).get(idOrKey.toUpperCase(Locale.ROOT)));
    }

    /** What a user may do in a project: site admins everything; else the project's grants to them and to "*". */
    public Set<Permission> permissions(User user, Project project) {
        if (user != null && user.anonymous()) {
            var granted = project.permissions().get(Project.ANONYMOUS);
            return granted == null || granted.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(granted);
        }
        if (user == null || !user.memberOf(project.site())) return EnumSet.noneOf(Permission.class);
        if (user.siteAdmin().contains(project.site())) return EnumSet.allOf(Permission.class);
        var result = EnumSet.noneOf(Permission.class);
        for (var entry : project.permissions().entrySet()) {
            String who = entry.getKey();
            if (who.equals("*") || user.matches(who)) result.addAll(entry.getValue());
        }
        return result;
    }

    public boolean can(User user, Project project, Permission permission) {
        return permissions(user, project).contains(permission);
    }

    /** Creates an issue with the next key of its project and the next id of the world. */
    public synchronized Issue create(String site, String projectKey, UnaryOperator<Issue> fill, Issue template) {
        Project project = project(site, projectKey).orElseThrow();
        long previousId = lastId;
        Long previousNumber = lastNumber.get(site + "/" + project.key());
        long number = lastNumber.merge(site + "/" + project.key(), 1L, Long::sum);
        String id = Long.toString(++lastId);
        Issue issue = fill.apply(template.toBuilder().id(id).key(project.key() + "-" + number).build());
        issuesBySite.computeIfAbsent(site, k -> new LinkedHashMap<>()).put(issue.key(), issue);
        issuesByIdBySite.computeIfAbsent(site, k -> new HashMap<>()).put(issue.id(), issue);
        listeners(site).forEach(l -> l.added(issue));
        UndoLog.note(() -> {
            synchronized (this) {
                delete(issue);
                lastId = previousId;
                if (previousNumber == null) lastNumber.remove(site + "/" + project.key());
                else lastNumber.put(site + "/" + project.key(), previousNumber);
            }
        });
        return issue;
    }

    /** Replaces an issue (same id and key) atomically; returns the new one. */
    public synchronized Issue update(Issue next) {
        Issue previous = issuesByIdBySite.getOrDefault(next.site(), Map.of()).get(next.id());
        if (previous == null) throw new WorldException("no issue " + next.id());
        issuesBySite.get(next.site()).put(next.key(), next);
        issuesByIdBySite.get(next.site()).put(next.id(), next);
        listeners(next.site()).forEach(l -> {
            l.removed(previous);
            l.added(next);
        });
        UndoLog.note(() -> update(previous));
        return next;
    }

    public synchronized boolean delete(Issue issue) {
        Issue removed = issuesBySite.getOrDefault(issue.site(), Map.of()).remove(issue.key());
        if (removed == null) return false;
        issuesByIdBySite.get(issue.site()).remove(issue.id());
        listeners(issue.site()).forEach(l -> l.removed(removed));
        UndoLog.note(() -> restore(removed));
        return true;
    }

    /** Puts a deleted issue back, as the undo of a delete. */
    private synchronized void restore(Issue issue) {
        issuesBySite.computeIfAbsent(issue.site(), k -> new LinkedHashMap<>()).put(issue.key(), issue);
        issuesByIdBySite.computeIfAbsent(issue.site(), k -> new HashMap<>()).put(issue.id(), issue);
        listeners(issue.site()).forEach(l -> l.added(issue));
    }

    /** Subscribes to one site's changes and returns its current issues, atomically. */
    public synchronized Collection<Issue> listen(String site, Listener listener) {
        listeners.computeIfAbsent(site, k -> new CopyOnWriteArrayList<>()).add(listener);
        return issues(site);
    }

    private List<Listener> listeners(String site) {
        return listeners.getOrDefault(site, List.of());
    }

    Map<String, User> users() {
        return users;
    }
}
