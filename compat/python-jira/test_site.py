"""The Python `jira` library (Debian's python3-jira, 3.4.1 in bookworm) on the simulator's site host.

Configured as the library documents for Jira Cloud with an API token, `JIRA(server=site_url, basic_auth=(email,
token))`, against https://acme.atlassian.net as the simulator serves it, {baseUrl}/site/acme. Environment:

  JIRASIM_SITE_URL  the site URL as the simulator writes it in links: its public URL + /site/acme,
                    e.g. http://localhost:8484/site/acme (self links are compared with it in full)

Uses alice's API tokens from the default world (docs/default-world.md). Creates one issue in ACME, labelled for
this run, and deletes it. Run with `python3 -m unittest -v test_site` in this folder.
"""

import os
import unittest
import uuid

import jira
from jira import JIRA, JIRAError

SITE = os.environ.get("JIRASIM_SITE_URL", "").rstrip("/")
if not SITE:
    raise SystemExit("Set JIRASIM_SITE_URL, e.g. http://localhost:8484/site/acme (see README.md in compat/python-jira).")

ALICE = {"accountId": "5f8a1c2e4b7d9e0011a2b3c4", "email": "alice@acme.test", "displayName": "Alice Adams"}
TOKENS = {
    "valid": "ATATT3xFfGF0aliceJirasimDefault=1A2B3C4D",
    "expired": "ATATT3xFfGF0aliceJirasimExpired=5E6F7A8B",
    "revoked": "ATATT3xFfGF0aliceJirasimRevoked=9C0D1E2F",
}
FAILED_LOGIN = "Client must be authenticated to access this resource."
NOT_FOUND = "Issue does not exist or you do not have permission to see it."


def connect(token, email=ALICE["email"]):
    """The library's documented Cloud set-up: the site as server, HTTP Basic with the e-mail and an API token."""
    return JIRA(server=SITE, basic_auth=(email, token), max_retries=0)


class SiteHostWithAnApiToken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print(f"jira {jira.__version__} from {jira.__file__}")
        cls.jira = connect(TOKENS["valid"])

    def assertSiteLink(self, link, rest):
        self.assertEqual(link, SITE + rest, "a link in the site form")

    def test_the_constructor_reads_server_info_and_sees_a_cloud_site(self):
        # JIRA() calls /rest/api/2/serverInfo and keeps deploymentType: the library switches to Cloud behaviour on it.
        self.assertEqual(self.jira.deploymentType, "Cloud")
        self.assertTrue(self.jira._is_cloud)
        self.assertEqual(self.jira.server_info()["baseUrl"], "https://acme.atlassian.net")

    def test_myself(self):
        me = self.jira.myself()
        self.assertEqual(me["accountId"], ALICE["accountId"])
        self.assertEqual(me["emailAddress"], ALICE["email"])
        self.assertEqual(me["displayName"], ALICE["displayName"])
        self.assertSiteLink(me["self"], f"/rest/api/2/user?accountId={ALICE['accountId']}")

    def test_projects(self):
        # alice is site admin on acme: every project of the default world's site.
        self.assertEqual([p.key for p in self.jira.projects()], ["ACME", "OPS", "SEC"])

    def test_issue(self):
        issue = self.jira.issue("ACME-1")
        self.assertEqual(issue.key, "ACME-1")
        self.assertSiteLink(issue.self, f"/rest/api/2/issue/{issue.id}")
        self.assertEqual(issue.fields.project.key, "ACME")
        self.assertIsInstance(issue.fields.summary, str)
        self.assertIsInstance(issue.fields.description, str, "the library reads v2: the description is a string")
        self.assertSiteLink(issue.fields.status.self, f"/rest/api/2/status/{issue.fields.status.id}")
        only = self.jira.issue("acme-1", fields="summary")
        self.assertEqual(only.key, "ACME-1")
        self.assertEqual(set(only.raw["fields"]), {"summary"})
        self.assertEqual(only.fields.summary, issue.fields.summary)

    @unittest.skipIf(hasattr(JIRA, "enhanced_search_issues"), "this release searches with the enhanced search")
    def test_search_issues_calls_the_removed_legacy_search(self):
        # 3.4.1 searches with GET /rest/api/2/search, which Atlassian removed from Cloud in 2025; the site answers
        # 410 with its migration note, and the library raises it as a JIRAError.
        with self.assertRaises(JIRAError) as caught:
            self.jira.search_issues("project = ACME order by key", maxResults=2)
        error = caught.exception
        self.assertEqual(error.status_code, 410)
        self.assertTrue(error.url.startswith(SITE + "/rest/api/2/search?"), error.url)
        self.assertIn("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.", error.text)

    def test_an_issue_created_commented_on_transitioned_relabelled_and_deleted(self):
        label = f"python-{uuid.uuid4().hex[:8]}"
        created = self.jira.create_issue(project="ACME", summary="Created by python-jira", issuetype={"name": "Task"}, labels=[label])
        self.addCleanup(self._delete_quietly, created.key)
        self.assertRegex(created.key, r"^ACME-\d+$")
        self.assertSiteLink(created.self, f"/rest/api/2/issue/{created.id}")
        self.assertEqual(created.fields.summary, "Created by python-jira")
        self.assertEqual(created.fields.reporter.accountId, ALICE["accountId"])
        self.assertEqual(created.fields.labels, [label])

        comment = self.jira.add_comment(created, "Written through the site host.")
        self.assertEqual(comment.body, "Written through the site host.")
        self.assertEqual(comment.author.accountId, ALICE["accountId"])
        self.assertEqual([c.body for c in self.jira.comments(created.key)], ["Written through the site host."])

        names = [t["name"] for t in self.jira.transitions(created)]
        self.assertIn("Done", names)
        self.jira.transition_issue(created, "Done")
        done = self.jira.issue(created.key, fields="status,resolution")
        self.assertEqual(done.fields.status.statusCategory.key, "done")
        self.assertIsNotNone(done.fields.resolution)

        created.update(fields={"labels": [label, "relabelled"]})
        self.assertEqual(sorted(created.fields.labels), sorted([label, "relabelled"]), "update() reads the issue back")
        self.assertEqual(sorted(self.jira.issue(created.key, fields="labels").fields.labels), sorted([label, "relabelled"]))

        created.delete()
        with self.assertRaises(JIRAError) as caught:
            self.jira.issue(created.key)
        self.assertEqual(caught.exception.status_code, 404)
        self.assertIn(NOT_FOUND, caught.exception.text)

    def _delete_quietly(self, key):
        try:
            self.jira.issue(key).delete()
        except JIRAError:
            pass

    def test_expired_and_revoked_tokens_are_a_failed_login(self):
        for name in ("expired", "revoked"):
            with self.subTest(token=name):
                # The constructor still succeeds: serverInfo answers anyone, as on the real site.
                refused = connect(TOKENS[name])
                with self.assertRaises(JIRAError) as caught:
                    refused.myself()
                self.assertEqual(caught.exception.status_code, 401)
                self.assertEqual(caught.exception.text, FAILED_LOGIN)
                self.assertEqual(caught.exception.response.headers.get("X-Seraph-LoginReason"), "AUTHENTICATED_FAILED")
                with self.assertRaises(JIRAError) as caught:
                    refused.create_issue(fields={"project": {"key": "ACME"}, "issuetype": {"name": "Task"}, "summary": "never"})
                self.assertEqual(caught.exception.status_code, 401)

    def test_a_valid_token_under_another_email_is_a_failed_login(self):
        with self.assertRaises(JIRAError) as caught:
            connect(TOKENS["valid"], email="bob@acme.test").myself()
        self.assertEqual(caught.exception.status_code, 401)
        self.assertEqual(caught.exception.text, FAILED_LOGIN)


if __name__ == "__main__":
    unittest.main(verbosity=2)
