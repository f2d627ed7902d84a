package dev.jirasim.simulator.jira.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/** Display names and schemas of the system fields, for {@code expand=names,schema}. */
final class FieldNames {
    private FieldNames() {
    }

    static String display(String id) {
        return switch (id) {
            case "issuetype" -> "Issue Type";
            case "statuscategorychangedate" -> "Status Category Changed";
            case "resolutiondate" -> "Resolved";
            case "duedate" -> "Due date";
            case "comment" -> "Comment";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    static Map<String, Object> schema(String id) {
        String type = switch (id) {
            case "summary" -> "string";
            case "description" -> "doc";
            case "labels" -> "array";
            case "created", "updated", "resolutiondate", "statuscategorychangedate" -> "datetime";
            case "duedate" -> "date";
            case "assignee", "reporter", "creator" -> "user";
            case "comment" -> "comments-page";
            default -> id;
        };
        var m = new LinkedHashMap<String, Object>();
        m.put("type", type);
        if (id.equals("labels")) m.put("items", "string");
        m.put("system", id);
        return m;
    }
}
