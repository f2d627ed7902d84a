package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Per-world Jira behaviour switches.
 *
 * @param legacySearch {@code removed} (the real service today: 410) or {@code available} (old startAt paging,
 *                     for teams testing older code)
 * @param rateLimit    the Jira REST rate limit (a token bucket on the world's clock); none when absent. A
 *                     {@code scope} left out means {@code perUserApp}. See docs/faults.md.
 * @param attachmentMaxBytes the largest file an upload may carry ({@link #DEFAULT_ATTACHMENT_MAX_BYTES} when absent;
 *                     Jira Cloud's own default is 1 GB, but the simulator holds attachments in memory)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields,
                           java.util.List<Sprint> sprints, java.util.List<Group> groups, java.util.List<Workflow> workflows,
                           Long attachmentMaxBytes) {
    /** 10 MB: the default of Jira Server's attachment setting; our choice for the simulator (Cloud's is 1 GB). */
    public static final long DEFAULT_ATTACHMENT_MAX_BYTES = 10L * 1024 * 1024;
    /** The most a world may allow: uploads are held in memory. */
    public static final long MAX_ATTACHMENT_MAX_BYTES = 256L * 1024 * 1024;

    public enum LegacySearch {
        REMOVED, AVAILABLE;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public static final JiraSettings DEFAULTS = new JiraSettings(null, null, null, null, null, null, null);

    public JiraSettings {
        if (legacySearch == null) legacySearch = LegacySearch.REMOVED;
        customFields = customFields == null ? java.util.List.of() : java.util.List.copyOf(customFields);
        sprints = sprints == null ? java.util.List.of() : java.util.List.copyOf(sprints);
        groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
        workflows = workflows == null ? java.util.List.of() : java.util.List.copyOf(workflows);
        var names = new java.util.HashSet<String>();
        for (Workflow w : workflows) {
            if (!names.add(w.site() + "/" + w.name())) throw new IllegalArgumentException("two workflows on site " + w.site() + " are named " + w.name());
        }
        if (attachmentMaxBytes != null && (attachmentMaxBytes < 1 || attachmentMaxBytes > MAX_ATTACHMENT_MAX_BYTES)) {
            throw new IllegalArgumentException("attachmentMaxBytes must be from 1 to " + MAX_ATTACHMENT_MAX_BYTES + ", got " + attachmentMaxBytes);
        }
        if (rateLimit != null && rateLimit.scope() == null) {
            rateLimit = new RateLimit(rateLimit.capacity(), rateLimit.refillPerSecond(), RateLimit.Scope.PER_USER_APP);
        }
    }

    /** Settings with only the search mode chosen, no rate limit. */
    public JiraSettings(LegacySearch legacySearch) {
        this(legacySearch, null);
    }

    /** Search mode and rate limit, no custom fields or sprints. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit) {
        this(legacySearch, rateLimit, null, null, null);
    }

    /** Without groups. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields, java.util.List<Sprint> sprints) {
        this(legacySearch, rateLimit, customFields, sprints, null, null);
    }

    /** Without workflows. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields, java.util.List<Sprint> sprints,
                        java.util.List<Group> groups) {
        this(legacySearch, rateLimit, customFields, sprints, groups, null);
    }

    /** Without an attachment limit of its own. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields, java.util.List<Sprint> sprints,
                        java.util.List<Group> groups, java.util.List<Workflow> workflows) {
        this(legacySearch, rateLimit, customFields, sprints, groups, workflows, null);
    }

    /** The largest attachment an upload may carry, in bytes. */
    public long attachmentLimit() {
        return attachmentMaxBytes == null ? DEFAULT_ATTACHMENT_MAX_BYTES : attachmentMaxBytes;
    }

    /** The groups of one site, in the order the world lists them. */
    public java.util.List<Group> groups(String site) {
        return groups.stream().filter(g -> g.site().equals(site)).toList();
    }

    /** The same settings with these custom fields. */
    public JiraSettings withCustomFields(java.util.List<CustomField> fields) {
        return new JiraSettings(legacySearch, rateLimit, fields, sprints, groups, workflows, attachmentMaxBytes);
    }

    /** The same settings with another search mode. */
    public JiraSettings withLegacySearch(LegacySearch mode) {
        return new JiraSettings(mode, rateLimit, customFields, sprints, groups, workflows, attachmentMaxBytes);
    }

    /** The same settings with another rate limit (null: none). */
    public JiraSettings withRateLimit(RateLimit limit) {
        return new JiraSettings(legacySearch, limit, customFields, sprints, groups, workflows, attachmentMaxBytes);
    }

    /** The custom fields of one site, in the order the world lists them. */
    public java.util.List<CustomField> customFields(String site) {
        return customFields.stream().filter(f -> f.site().equals(site)).toList();
    }

    public Optional<CustomField> customField(String site, String id) {
        return customFields.stream().filter(f -> f.site().equals(site) && f.id().equals(id)).findFirst();
    }

    public Optional<Sprint> sprint(String site, long id) {
        return sprints.stream().filter(s -> s.site().equals(site) && s.id() == id).findFirst();
    }

    /** The workflows of one site, in the order the world lists them. */
    public java.util.List<Workflow> workflows(String site) {
        return workflows.stream().filter(w -> w.site().equals(site)).toList();
    }

    public Optional<Workflow> workflow(String site, String name) {
        return workflows.stream().filter(w -> w.site().equals(site) && w.name().equals(name)).findFirst();
    }

    /** The workflow issues of this type follow in this project (the simplified one unless the scheme names another). */
    public Workflow workflowFor(Project project, String issueType) {
        return project.workflowName(issueType).flatMap(name -> workflow(project.site(), name)).orElseGet(() -> Workflow.simplified(project));
    }

    public Optional<RateLimit> rateLimitIfOn() {
        return Optional.ofNullable(rateLimit);
    }
}
