package dev.jirasim.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a Cloud issue, told to the world's {@link Listener} as the change is made (webhooks
 * hear of changes this way). {@code actor} is the account id of who did it. Made by {@link World} only, where every
 * write of an issue passes, so no route can forget one.
 */
public sealed interface IssueEvent {
    /** Hears of every change to the world's Cloud issues, on the thread that made it. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = events -> { };

        /** The events of one change, in order. */
        void on(List<IssueEvent> events);
    }

    Issue issue();

    String actor();

    record Created(Issue issue, String actor) implements IssueEvent {
    }

    /**
     * An edit: {@code change} is the changelog entry it wrote (null when only comments changed); {@code comment} and
     * {@code commentAction} ({@code created}, {@code updated}, {@code deleted}) the comment it touched, if any.
     */
    record Updated(Issue before, Issue issue, ChangeGroup change, String actor, Comment comment, String commentAction) implements IssueEvent {
    }

    /** {@code issue} as it was. */
    record Deleted(Issue issue, String actor) implements IssueEvent {
    }

    /** {@code action}: {@code created}, {@code updated} or {@code deleted}; {@code comment} as it is (or was, when deleted). */
    record CommentChanged(Issue issue, Comment comment, String action, String actor) implements IssueEvent {
    }

    /**
     * What an edit from {@code before} to {@code after} tells: an update (when its changelog grew or a comment
     * changed), then one event per comment added, edited or removed.
     */
    static List<IssueEvent> ofEdit(Issue before, Issue after, String actor) {
        ChangeGroup change = after.changelog().size() > before.changelog().size() ? after.changelog().get(after.changelog().size() - 1) : null;
        var comments = new ArrayList<CommentChanged>();
        var old = new java.util.LinkedHashMap<String, Comment>();
        before.comments().forEach(c -> old.put(c.id(), c));
        var kept = new java.util.HashSet<String>();
        for (Comment c : after.comments()) {
            Comment was = old.get(c.id());
            kept.add(c.id());
            if (was == null) comments.add(new CommentChanged(after, c, "created", actor));
            else if (!Objects.equals(was.body(), c.body()) || !Objects.equals(was.visibility(), c.visibility())
                    || !Objects.equals(was.updated(), c.updated())) comments.add(new CommentChanged(after, c, "updated", actor));
        }
        for (Comment c : before.comments()) if (!kept.contains(c.id())) comments.add(new CommentChanged(after, c, "deleted", actor));
        var out = new ArrayList<IssueEvent>();
        if (change != null || !comments.isEmpty()) {
            CommentChanged first = comments.isEmpty() ? null : comments.get(0);
            out.add(new Updated(before, after, change, actor, first == null ? null : first.comment(), first == null ? null : first.action()));
        }
        out.addAll(comments);
        return out;
    }
}
