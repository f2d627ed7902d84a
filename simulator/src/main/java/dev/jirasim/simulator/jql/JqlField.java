package dev.jirasim.simulator.jql;

import static dev.jirasim.simulator.jql.Operator.EQUALS;
import static dev.jirasim.simulator.jql.Operator.GREATER_THAN;
import static dev.jirasim.simulator.jql.Operator.GREATER_THAN_EQUALS;
import static dev.jirasim.simulator.jql.Operator.IN;
import static dev.jirasim.simulator.jql.Operator.IS;
import static dev.jirasim.simulator.jql.Operator.IS_NOT;
import static dev.jirasim.simulator.jql.Operator.LESS_THAN;
import static dev.jirasim.simulator.jql.Operator.LESS_THAN_EQUALS;
import static dev.jirasim.simulator.jql.Operator.LIKE;
import static dev.jirasim.simulator.jql.Operator.NOT_EQUALS;
import static dev.jirasim.simulator.jql.Operator.NOT_IN;
import static dev.jirasim.simulator.jql.Operator.NOT_LIKE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The system fields the engine knows, their JQL names (case-insensitive) and the operators each accepts,
 * following Jira's field reference. As in Jira, {@code key}, {@code issuekey}, {@code issue} and {@code id}
 * are one field that takes keys or numeric ids.
 */
enum JqlField {
    PROJECT(Kind.TERM, true, eq(IS, IS_NOT), "project"),
    ISSUE_KEY(Kind.ISSUE, true, eq(GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS), "key", "issuekey", "issue", "id"),
    ISSUE_TYPE(Kind.TERM, true, eq(), "issuetype", "type"),
    STATUS(Kind.TERM, true, eq(), "status"),
    STATUS_CATEGORY(Kind.TERM, false, eq(), "statuscategory"),
    PRIORITY(Kind.TERM, true, ordered(), "priority"),
    ASSIGNEE(Kind.USER, true, eq(IS, IS_NOT), "assignee"),
    REPORTER(Kind.USER, true, eq(IS, IS_NOT), "reporter"),
    CREATOR(Kind.USER, true, eq(IS, IS_NOT), "creator"),
    LABELS(Kind.TERM, false, eq(IS, IS_NOT), "labels"),
    COMPONENT(Kind.TERM, false, eq(IS, IS_NOT), "component"),
    FIX_VERSION(Kind.TERM, false, eq(IS, IS_NOT), "fixversion"),
    RESOLUTION(Kind.TERM, true, ordered(), "resolution"),
    PARENT(Kind.ISSUE, false, eq(), "parent"),
    SUMMARY(Kind.TEXT, true, EnumSet.of(LIKE, NOT_LIKE), "summary"),
    DESCRIPTION(Kind.TEXT, false, EnumSet.of(LIKE, NOT_LIKE, IS, IS_NOT), "description"),
    COMMENT(Kind.TEXT, false, EnumSet.of(LIKE, NOT_LIKE), "comment"),
    TEXT(Kind.TEXT, false, EnumSet.of(LIKE), "text"),
    CREATED(Kind.DATE, true, ordered(), "created", "createddate"),
    UPDATED(Kind.DATE, true, ordered(), "updated", "updateddate"),
    RESOLVED(Kind.DATE, true, ordered(), "resolved", "resolutiondate"),
    DUEDATE(Kind.DATE, true, ordered(), "duedate", "due");

    enum Kind { TERM, ISSUE, USER, TEXT, DATE }

    private static final Map<String, JqlField> BY_NAME = new HashMap<>();

    static {
        for (JqlField f : values()) for (String n : f.names) BY_NAME.put(n, f);
    }

    final Kind kind;
    final boolean sortable;
    final Set<Operator> operators;
    final List<String> names;

    JqlField(Kind kind, boolean sortable, Set<Operator> operators, String... names) {
        this.kind = kind;
        this.sortable = sortable;
        this.operators = operators;
        this.names = List.of(names);
    }

    static Optional<JqlField> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The direction when ORDER BY names none. Jira lets each field choose; its created, updated and resolved
     * fields choose newest first, due date soonest first (Jira Server's field defaults; unconfirmed on Cloud).
     */
    SortField.Direction defaultDirection() {
        return kind == Kind.DATE && this != DUEDATE ? SortField.Direction.DESC : SortField.Direction.ASC;
    }

    private static Set<Operator> eq(Operator... more) {
        var set = EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN);
        set.addAll(List.of(more));
        return set;
    }

    private static Set<Operator> ordered() {
        return eq(GREATER_THAN, GREATER_THAN_EQUALS, LESS_THAN, LESS_THAN_EQUALS, IS, IS_NOT);
    }
}
