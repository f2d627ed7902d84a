package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What gathers on an issue besides its fields and comments: work logged and estimates, links to other issues and to
 * the web, watchers, votes and attachments. Kept in one record so that an issue copied for an edit keeps all of it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IssueActivity(List<Worklog> worklogs, TimeTracking timeTracking, List<Link> links, List<RemoteLink> remoteLinks,
                            List<String> watchers, List<String> voters, List<Attachment> attachments) {
    public static final IssueActivity NONE = new IssueActivity(null, null, null, null, null, null, null);

    public IssueActivity {
        worklogs = worklogs == null ? List.of() : List.copyOf(worklogs);
        if (timeTracking == null) timeTracking = TimeTracking.NONE;
        links = links == null ? List.of() : List.copyOf(links);
        remoteLinks = remoteLinks == null ? List.of() : List.copyOf(remoteLinks);
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
        voters = voters == null ? List.of() : List.copyOf(voters);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public IssueActivity withLinks(List<Link> next) {
        return new IssueActivity(worklogs, timeTracking, next, remoteLinks, watchers, voters, attachments);
    }

    public IssueActivity withRemoteLinks(List<RemoteLink> next) {
        return new IssueActivity(worklogs, timeTracking, links, next, watchers, voters, attachments);
    }

    public IssueActivity withWatchers(List<String> next) {
        return new IssueActivity(worklogs, timeTracking, links, remoteLinks, next, voters, attachments);
    }

    public IssueActivity withVoters(List<String> next) {
        return new IssueActivity(worklogs, timeTracking, links, remoteLinks, watchers, next, attachments);
    }

    public IssueActivity withAttachments(List<Attachment> next) {
        return new IssueActivity(worklogs, timeTracking, links, remoteLinks, watchers, voters, next);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Time spent: the sum of every worklog (restricted ones too, as Jira counts them); null when none is logged. */
    @JsonIgnore
    public Long timeSpentSeconds() {
        if (worklogs.isEmpty()) return null;
        long sum = 0;
        for (Worklog w : worklogs) sum += w.timeSpentSeconds();
        return sum;
    }

    /** Jackson's filter that leaves an issue's empty activity out of world files. */
    public static final class WhenEmpty {
        @Override
        public boolean equals(Object o) {
            return o == null || o instanceof IssueActivity a && a.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Work logged on the issue; {@code comment} is ADF, {@code visibility} null or a group/role restriction. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Worklog(String id, String author, String updateAuthor, Object comment, Instant created, Instant updated, Instant started,
                          long timeSpentSeconds, Visibility visibility) {
        public Worklog {
            Objects.requireNonNull(id, "a worklog needs an 'id'");
            Objects.requireNonNull(started, "a worklog needs 'started'");
            if (timeSpentSeconds < 60) throw new IllegalArgumentException("a worklog's timeSpentSeconds must be at least 60");
            if (created == null) created = started;
            if (updated == null) updated = created;
            if (updateAuthor == null) updateAuthor = author;
            comment = Adf.freeze(comment);
        }
    }

    /** Estimates in seconds; null when not set. Time spent is the sum of the worklogs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeTracking(Long originalEstimateSeconds, Long remainingEstimateSeconds) {
        public static final TimeTracking NONE = new TimeTracking(null, null);
    }

    /**
     * A link to another issue of the site, as this issue sees it: {@code direction} {@code outward} (this issue
     * "blocks" the other) or {@code inward} (it "is blocked by" the other). Both issues hold the link, with one id.
     */
    public record Link(String id, String type, String direction, String issueId) {
        public Link {
            Objects.requireNonNull(id, "a link needs an 'id'");
            Objects.requireNonNull(type, "a link needs a 'type'");
            Objects.requireNonNull(issueId, "a link needs an 'issueId'");
            if (!"outward".equals(direction) && !"inward".equals(direction)) throw new IllegalArgumentException("link direction must be outward or inward");
        }
    }

    /**
     * A link to something outside Jira (a pull request, a web page). {@code application} ({@code type}, {@code name}),
     * {@code icon} ({@code url16x16}, {@code title}, {@code link}) and {@code status} ({@code resolved}, {@code icon}) are
     * kept as the client sent them (Jira's {@code RemoteIssueLinkRequest}); null when not given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RemoteLink(String id, String globalId, String url, String title, String summary, String relationship,
                             Object application, Object icon, Object status) {
        public RemoteLink {
            Objects.requireNonNull(id, "a remote link needs an 'id'");
            Objects.requireNonNull(url, "a remote link needs a 'url'");
            application = Adf.freeze(application);
            icon = Adf.freeze(icon);
            status = Adf.freeze(status);
        }

        /** A link with no application, icon or status. */
        public RemoteLink(String id, String globalId, String url, String title, String summary, String relationship) {
            this(id, globalId, url, title, summary, relationship, null, null, null);
        }
    }

    /** A file on the issue; {@code content} is the bytes, Base64 in world files. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String id, String filename, String author, Instant created, String mimeType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(id, "an attachment needs an 'id'");
            Objects.requireNonNull(filename, "an attachment needs a 'filename'");
            content = content == null ? new byte[0] : content.clone();
        }

        /** A copy: a stored attachment never changes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @JsonIgnore
        public long size() {
            return content.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && id.equals(a.id) && filename.equals(a.filename) && Objects.equals(author, a.author)
                    && Objects.equals(created, a.created) && Objects.equals(mimeType, a.mimeType) && java.util.Arrays.equals(content, a.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, filename, author, created, mimeType, java.util.Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + id + ", " + filename + ", " + content.length + " bytes]";
        }
    }

    /** Who may see a comment or worklog: members of a group or holders of a project role. */
    public record Visibility(String type, String value) {
        public Visibility {
            if (!"group".equals(type) && !"role".equals(type)) throw new IllegalArgumentException("visibility type must be group or role");
            Objects.requireNonNull(value, "a visibility needs a 'value'");
        }
    }
}
