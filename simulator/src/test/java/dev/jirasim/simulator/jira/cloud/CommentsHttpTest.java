package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Comments: edit and delete by their author or an administrator, restrictions to a group or project role that hide
 * a comment from everyone outside it, {@code orderBy} and {@code expand=renderedBody}. In the default world alice
 * is a site administrator of acme and in the group site-admins; bob may browse and edit ACME but is in neither.
 */
@ExtendWith(SimulatorExtension.class)
class CommentsHttpTest {
    private static Map<String, Object> adf(String text) {
        return Map.of("type", "doc", "version", 1, "content", List.of(Map.of("type", "paragraph", "content",
                List.of(Map.of("type", "text", "text", text, "marks", List.of(Map.of("type", "strong")))))));
    }

    private static String add(Jira who, String issue, Map<String, Object> body) {
        return who.acme(3).contentType("application/json").body(body).post("/issue/" + issue + "/comment").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aRestrictedCommentIsHiddenFromEveryoneOutsideItsGroup(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        String id = add(alice, "ACME-1", Map.of("body", adf("admins only"), "visibility", Map.of("type", "group", "value", "site-admins")));
        alice.acme(3).get("/issue/ACME-1/comment/" + id).then().statusCode(200).body("visibility.type", equalTo("group"))
                .body("visibility.value", equalTo("site-admins")).body("visibility.identifier", equalTo("9a1b2c3d-0002-4e5f-8a9b-acme00000002"));
        bob.acme(3).get("/issue/ACME-1/comment/" + id).then().statusCode(404)
                .body("errorMessages[0]", equalTo("Can not find a comment for the id: " + id + "."));
        bob.acme(3).get("/issue/ACME-1/comment").then().statusCode(200).body("comments.id", not(hasItem(id)));
        bob.acme(2).get("/issue/ACME-1").then().statusCode(200).body("fields.comment.comments.id", not(hasItem(id)));
        alice.acme(2).get("/issue/ACME-1").then().statusCode(200).body("fields.comment.comments.id", hasItem(id));
        // A search page alice saw first is not served to bob as it was rendered for her.
        alice.acme(3).queryParam("jql", "key = ACME-1").queryParam("fields", "comment").get("/search/jql").then()
                .body("issues[0].fields.comment.comments.id", hasItem(id));
        bob.acme(3).queryParam("jql", "key = ACME-1").queryParam("fields", "comment").get("/search/jql").then()
                .body("issues[0].fields.comment.comments.id", not(hasItem(id)));
        // Nor does the text make the issue findable for bob.
        alice.acme(3).queryParam("jql", "comment ~ \"admins only\"").get("/search/jql").then().statusCode(200);
        bob.acme(3).queryParam("jql", "comment ~ \"admins only\"").get("/search/jql").then().statusCode(200).body("issues", org.hamcrest.Matchers.empty());
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"))).put("/issue/ACME-1/comment/" + id).then().statusCode(404);
        bob.acme(3).delete("/issue/ACME-1/comment/" + id).then().statusCode(404);
    }

    @Test
    void aRoleRestrictionFollowsTheProjectsPermissions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        String admins = add(alice, "ACME-2", Map.of("body", adf("for administrators"), "visibility", Map.of("type", "role", "value", "Administrators")));
        String developers = add(bob, "ACME-2", Map.of("body", adf("for developers"), "visibility", Map.of("type", "role", "value", "Developers")));
        bob.acme(3).get("/issue/ACME-2/comment").then().body("comments.id", hasItem(developers)).body("comments.id", not(hasItem(admins)));
        alice.acme(3).get("/issue/ACME-2/comment/" + developers).then().statusCode(200).body("visibility.identifier", equalTo("Developers"));
    }

    @Test
    void aRestrictionTheAuthorIsOutsideOfOrThatDoesNotExistIsRefused(JirasimServer sim) {
        Jira bob = Jira.bob(sim);
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"), "visibility", Map.of("type", "group", "value", "site-admins")))
                .post("/issue/ACME-1/comment").then().statusCode(400)
                .body("errors.commentLevel", equalTo("You are currently not a member of the group: site-admins."));
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"), "visibility", Map.of("type", "role", "value", "Administrators")))
                .post("/issue/ACME-1/comment").then().statusCode(400)
                .body("errors.commentLevel", equalTo("You are currently not a member of the project role: Administrators."));
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"), "visibility", Map.of("type", "group", "value", "nobody")))
                .post("/issue/ACME-1/comment").then().statusCode(400).body("errors.commentLevel", equalTo("Group: nobody does not exist."));
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"), "visibility", Map.of("type", "role", "value", "Nobody")))
                .post("/issue/ACME-1/comment").then().statusCode(400).body("errors.commentLevel", equalTo("Invalid role level specified."));
    }

    @Test
    void theAuthorOrAnAdministratorMayEditAndDelete(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        String bobs = add(bob, "ACME-3", Map.of("body", adf("first")));
        String alices = add(alice, "ACME-3", Map.of("body", adf("second")));
        sim.control().advanceClock(java.time.Duration.ofMinutes(5));
        bob.acme(2).contentType("application/json").body(Map.of("body", "edited by bob")).put("/issue/ACME-3/comment/" + bobs)
                .then().statusCode(200).body("body", equalTo("edited by bob")).body("updateAuthor.displayName", equalTo("Bob Brown"));
        alice.acme(2).contentType("application/json").body(Map.of("body", "edited by alice")).put("/issue/ACME-3/comment/" + bobs)
                .then().statusCode(200).body("author.displayName", equalTo("Bob Brown")).body("updateAuthor.displayName", equalTo("Alice Adams"));
        bob.acme(2).contentType("application/json").body(Map.of("body", "not mine")).put("/issue/ACME-3/comment/" + alices)
                .then().statusCode(400).body("errorMessages[0]", equalTo("You do not have the permission to edit this comment."));
        bob.acme(3).delete("/issue/ACME-3/comment/" + alices).then().statusCode(400)
                .body("errorMessages[0]", equalTo("You do not have the permission to delete this comment."));
        bob.acme(3).contentType("application/json").body(Map.of("body", adf("x"))).queryParam("overrideEditableFlag", true)
                .put("/issue/ACME-3/comment/" + bobs).then().statusCode(403);
        bob.acme(3).delete("/issue/ACME-3/comment/" + bobs).then().statusCode(204);
        bob.acme(3).get("/issue/ACME-3/comment/" + bobs).then().statusCode(404);
        alice.acme(3).delete("/issue/ACME-3/comment/" + alices).then().statusCode(204);
        alice.acme(3).get("/issue/ACME-3/comment").then().body("comments.id", not(hasItem(alices)));
    }

    @Test
    void anEditCanRestrictOrLeaveTheRestriction(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        Jira bob = Jira.bob(sim);
        String id = add(alice, "ACME-4", Map.of("body", adf("open")));
        alice.acme(3).contentType("application/json").body(Map.of("body", adf("closed now"), "visibility", Map.of("type", "group", "identifier",
                "9a1b2c3d-0002-4e5f-8a9b-acme00000002"))).put("/issue/ACME-4/comment/" + id).then().statusCode(200)
                .body("visibility.value", equalTo("site-admins"));
        bob.acme(3).get("/issue/ACME-4/comment/" + id).then().statusCode(404);
        alice.acme(3).contentType("application/json").body(Map.of("body", adf("still closed"))).put("/issue/ACME-4/comment/" + id)
                .then().statusCode(200).body("visibility.value", equalTo("site-admins"));
    }

    @Test
    void orderByAndRenderedBody(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String first = add(alice, "ACME-5", Map.of("body", adf("one <two>")));
        sim.control().advanceClock(java.time.Duration.ofMinutes(1));
        String second = add(alice, "ACME-5", Map.of("body", adf("three")));
        var ids = alice.acme(3).queryParam("orderBy", "-created").get("/issue/ACME-5/comment").then().statusCode(200)
                .body("maxResults", equalTo(100)).extract().jsonPath().<String>getList("comments.id");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(second, first), ids.subList(0, 2));
        alice.acme(3).queryParam("orderBy", "updated").get("/issue/ACME-5/comment").then().statusCode(400);
        alice.acme(2).queryParam("expand", "renderedBody").get("/issue/ACME-5/comment/" + first).then().statusCode(200)
                .body("renderedBody", equalTo("<p><b>one &lt;two&gt;</b></p>")).body("body", equalTo("one <two>"));
        alice.acme(3).queryParam("expand", "renderedBody").get("/issue/ACME-5/comment").then()
                .body("comments.find { it.id == '" + second + "' }.renderedBody", equalTo("<p><b>three</b></p>"));
        alice.acme(3).get("/issue/ACME-5/comment/" + first).then().body("renderedBody", nullValue());
        alice.acme(3).queryParam("expand", "renderedBody").contentType("application/json").body(Map.of("body", adf("four")))
                .post("/issue/ACME-5/comment").then().statusCode(201).body("renderedBody", equalTo("<p><b>four</b></p>"));
    }

    @Test
    void commentsAskForTheDocumentedScopes(JirasimServer sim) {
        Jira granular = Jira.as(sim, "alice@acme.test", List.of("acme"), "read:issue-details:jira write:issue:jira");
        granular.acme(3).get("/issue/ACME-1/comment").then().statusCode(401);
        granular.acme(3).contentType("application/json").body(Map.of("body", adf("x"))).post("/issue/ACME-1/comment").then().statusCode(401);
        Jira classic = Jira.as(sim, "alice@acme.test", List.of("acme"), "read:jira-work");
        classic.acme(3).get("/issue/ACME-1/comment").then().statusCode(200);
        classic.acme(3).delete("/issue/ACME-1/comment/1").then().statusCode(401);
    }
}
