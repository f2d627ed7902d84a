package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An issue comment; {@code body} is an Atlassian Document Format tree (maps, lists, strings). {@code visibility}
 * restricts it to a group or project role (null: everyone who may browse the issue); {@code updateAuthor} is who
 * edited it last (null: nobody but its author).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comment(String id, String author, Object body, Instant created, Instant updated, IssueActivity.Visibility visibility,
                      String updateAuthor) {
    public Comment {
        body = Adf.freeze(body); // stored compactly; see Adf.freeze
    }

    /** A comment everyone who may browse the issue sees, never edited by anyone else. */
    public Comment(String id, String author, Object body, Instant created, Instant updated) {
        this(id, author, body, created, updated, null, null);
    }

    /** Who edited it last: {@code updateAuthor}, else the author. */
    public String lastEditor() {
        return updateAuthor == null ? author : updateAuthor;
    }
}
