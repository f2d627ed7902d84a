package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.Html;
import java.util.List;
import java.util.Map;

/**
 * Rich text as the HTML Jira's renderer writes for {@code renderedBody} and {@code renderedFields}: one {@code <p>}
 * per paragraph, marks as inline tags, lists, headings, code blocks, quotes and rules; mentions as the person's
 * name. An approximation of Jira's output (its exact markup, classes and link attributes are not reproduced).
 */
final class RichTextHtml {
    private RichTextHtml() {
    }

    static String of(Object adf) {
        if (adf == null) return null;
        var sb = new StringBuilder();
        block(adf, sb);
        return sb.toString().stripTrailing();
    }

    private static void block(Object node, StringBuilder sb) {
        if (node instanceof List<?> list) {
            for (Object n : list) block(n, sb);
            return;
        }
        if (!(node instanceof Map<?, ?> map)) return;
        String type = String.valueOf(map.get("type"));
        Object content = map.get("content");
        switch (type) {
            case "doc" -> block(content, sb);
            case "paragraph" -> {
                sb.append("<p>");
                inline(content, sb);
                sb.append("</p>\n");
            }
            case "heading" -> {
                int level = map.get("attrs") instanceof Map<?, ?> a && a.get("level") instanceof Number n ? Math.max(1, Math.min(6, n.intValue())) : 1;
                sb.append("<h").append(level).append('>');
                inline(content, sb);
                sb.append("</h").append(level).append(">\n");
            }
            case "bulletList", "orderedList" -> {
                String tag = type.equals("bulletList") ? "ul" : "ol";
                sb.append('<').append(tag).append(">\n");
                block(content, sb);
                sb.append("</").append(tag).append(">\n");
            }
            case "listItem" -> {
                sb.append("\t<li>");
                var inner = new StringBuilder();
                block(content, inner);
                sb.append(inner.toString().replaceAll("^<p>|</p>\n$", "").strip());
                sb.append("</li>\n");
            }
            case "codeBlock" -> {
                sb.append("<div class=\"code panel\"><div class=\"codeContent panelContent\">\n<pre class=\"code-java\">");
                inline(content, sb);
                sb.append("</pre>\n</div></div>\n");
            }
            case "blockquote" -> {
                sb.append("<blockquote>");
                block(content, sb);
                sb.append("</blockquote>\n");
            }
            case "rule" -> sb.append("<hr />\n");
            default -> inline(List.of(node), sb);
        }
    }

    private static void inline(Object content, StringBuilder sb) {
        if (!(content instanceof List<?> list)) return;
        for (Object n : list) {
            if (!(n instanceof Map<?, ?> map)) continue;
            String type = String.valueOf(map.get("type"));
            switch (type) {
                case "text" -> sb.append(marked(map));
                case "hardBreak" -> sb.append("<br/>\n");
                case "mention", "emoji" -> sb.append(Html.esc(map.get("attrs") instanceof Map<?, ?> a ? String.valueOf(a.get("text")) : ""));
                case "inlineCard" -> {
                    String url = map.get("attrs") instanceof Map<?, ?> a ? String.valueOf(a.get("url")) : "";
                    sb.append("<a href=\"").append(Html.esc(url)).append("\">").append(Html.esc(url)).append("</a>");
                }
                default -> block(map, sb);
            }
        }
    }

    private static String marked(Map<?, ?> text) {
        String out = Html.esc(text.get("text") instanceof String s ? s : "");
        if (!(text.get("marks") instanceof List<?> marks)) return out;
        for (Object m : marks) {
            if (!(m instanceof Map<?, ?> mark)) continue;
            out = switch (String.valueOf(mark.get("type"))) {
                case "strong" -> "<b>" + out + "</b>";
                case "em" -> "<em>" + out + "</em>";
                case "code" -> "<tt>" + out + "</tt>";
                case "strike" -> "<del>" + out + "</del>";
                case "underline" -> "<ins>" + out + "</ins>";
                case "link" -> "<a href=\"" + Html.esc(mark.get("attrs") instanceof Map<?, ?> a ? String.valueOf(a.get("href")) : "")
                        + "\" class=\"external-link\" rel=\"nofollow noreferrer\">" + out + "</a>";
                default -> out;
            };
        }
        return out;
    }
}
