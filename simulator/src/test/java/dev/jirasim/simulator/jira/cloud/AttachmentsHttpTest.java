package dev.jirasim.simulator.jira.cloud;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.support.Jira;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.ChangeGroup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads need {@code X-Atlassian-Token: no-check}; files are listed, served, limited in size and deleted. */
@ExtendWith(SimulatorExtension.class)
class AttachmentsHttpTest {
    private static final byte[] NOTES = "release notes\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUploadWithoutTheXsrfHeaderIsRefused(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).multiPart("file", "notes.txt", NOTES, "text/plain").post("/issue/ACME-1/attachments").then().statusCode(403)
                .body(equalTo("XSRF check failed"));
        alice.acme(3).get("/issue/ACME-1?fields=attachment").then().body("fields.attachment", empty());
    }

    @Test
    void filesAreUploadedListedServedAndDeleted(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        var answer = alice.acme(3).header("X-Atlassian-Token", "no-check").multiPart("file", "notes.txt", NOTES, "text/plain")
                .multiPart("file", "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png").post("/issue/ACME-1/attachments")
                .then().statusCode(200).body("filename", contains("notes.txt", "logo.png")).body("[0].size", equalTo(NOTES.length))
                .body("[0].mimeType", equalTo("text/plain")).body("[1].thumbnail", endsWith("/attachment/thumbnail/" + "10001"))
                .body("[0].author.accountId", equalTo(dev.jirasim.simulator.support.OAuth.ALICE_ID)).extract();
        String id = answer.path("[0].id");
        alice.acme(3).get("/issue/ACME-1?fields=attachment").then().body("fields.attachment", hasSize(2))
                .body("fields.attachment[0].id", equalTo(id));
        alice.acme(2).get("/attachment/" + id).then().statusCode(200).body("id", equalTo(Integer.parseInt(id))).body("filename", equalTo("notes.txt"));
        alice.acme(3).redirects().follow(false).get("/attachment/content/" + id).then().statusCode(303)
                .header("Location", endsWith("/attachment/content/" + id + "?redirect=false"));
        byte[] bytes = alice.acme(3).queryParam("redirect", "false").get("/attachment/content/" + id).then().statusCode(200).contentType("text/plain").extract().asByteArray();
        assertArrayEquals(NOTES, bytes);
        assertEquals(new ChangeGroup.Item("Attachment", "jira", "attachment", null, null, answer.path("[1].id"), "logo.png"),
                IssueLinksHttpTest.lastItem(sim, "ACME-1"));
        alice.acme(3).get("/attachment/thumbnail/" + id).then().statusCode(404);
        alice.acme(3).delete("/attachment/" + id).then().statusCode(204);
        alice.acme(3).get("/attachment/" + id).then().statusCode(404);
        alice.acme(3).get("/issue/ACME-1?fields=attachment").then().body("fields.attachment", hasSize(1));
        assertEquals(new ChangeGroup.Item("Attachment", "jira", "attachment", id, "notes.txt", null, null), IssueLinksHttpTest.lastItem(sim, "ACME-1"));
    }

    @Test
    void theWorldsLimitAppliesToEachFile(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        alice.acme(3).get("/attachment/meta").then().statusCode(200).body("enabled", equalTo(true)).body("uploadLimit", equalTo(10 * 1024 * 1024));
        // Bigger than the simulator's 1 MB body limit for JSON, smaller than the 10 MB attachment limit.
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        alice.acme(3).header("X-Atlassian-Token", "no-check").multiPart("file", "big.bin", twoMegabytes, "application/octet-stream")
                .post("/issue/ACME-2/attachments").then().statusCode(200).body("[0].size", equalTo(twoMegabytes.length));
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
        alice.acme(3).header("X-Atlassian-Token", "nocheck").multiPart("file", "huge.bin", elevenMegabytes, "application/octet-stream")
                .post("/issue/ACME-2/attachments").then().statusCode(413)
                .body("errorMessages[0]", equalTo("The field file exceeds its maximum permitted size of 10485760 bytes."));
        alice.acme(3).get("/issue/ACME-2?fields=attachment").then().body("fields.attachment", hasSize(1));
    }

    @Test
    void attachmentsFollowTheIssuesPermissions(JirasimServer sim) {
        Jira alice = Jira.alice(sim);
        String id = alice.acme(3).header("X-Atlassian-Token", "no-check").multiPart("file", "secret.txt", NOTES, "text/plain")
                .post("/issue/SEC-1/attachments").then().statusCode(200).extract().path("[0].id");
        Jira bob = Jira.bob(sim);
        bob.acme(3).get("/attachment/" + id).then().statusCode(404);
        bob.acme(3).header("X-Atlassian-Token", "no-check").multiPart("file", "x.txt", NOTES, "text/plain").post("/issue/SEC-1/attachments")
                .then().statusCode(404);
        bob.acme(3).header("X-Atlassian-Token", "no-check").multiPart("file", "x.txt", NOTES, "text/plain").post("/issue/OPS-1/attachments")
                .then().statusCode(403);
        bob.acme(3).header("X-Atlassian-Token", "no-check").contentType("application/json").body("{}").post("/issue/ACME-1/attachments")
                .then().statusCode(415);
    }
}
