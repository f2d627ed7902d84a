// The site host with an API token: jira.js configured exactly as its README shows for Jira Cloud with an API
// token (`host` = the site URL, `authentication.basic` = e-mail and token), against the simulator's
// https://acme.atlassian.net, served at {baseUrl}/site/acme. Runs only when JIRASIM_SITE_URL is set; it needs
// nothing from the gateway, so it imports lib/common.mjs, not lib/jira.mjs.
//
//   JIRASIM_SITE_URL  the site URL as the simulator writes it in links: its public URL + /site/acme, e.g.
//                     http://localhost:8484/site/acme (self links are compared with it in full)
//
// Uses alice's API tokens from the default world (docs/default-world.md). Creates one issue in ACME, labelled
// for this run, and deletes it; reads ACME-1 and the first ACME issues only.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { Version2Client, Version3Client } from 'jira.js';
import { ALICE, adfText, jiraError } from '../lib/common.mjs';

const SITE = process.env.JIRASIM_SITE_URL?.replace(/\/+$/, '');
const skip = SITE ? false : 'JIRASIM_SITE_URL is not set (the site host, e.g. http://localhost:8484/site/acme)';

const TOKENS = {
    valid: 'ATATT3xFfGF0aliceJirasimDefault=1A2B3C4D',
    expired: 'ATATT3xFfGF0aliceJirasimExpired=5E6F7A8B',
    revoked: 'ATATT3xFfGF0aliceJirasimRevoked=9C0D1E2F',
};

/** jira.js's README, "Basic authentication" with an API token: the site as host, e-mail and token. */
function client(Version, apiToken, email = ALICE.email) {
    return new Version({ host: SITE, authentication: { basic: { email, apiToken } } });
}

const LABEL = `site-${randomUUID().slice(0, 8)}`;
const FAILED_LOGIN = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };

/** A validator for a failed login: jira.js's 401 with the site's body and the Seraph header. */
function failedLogin() {
    return jiraError(401, (body) => assert.deepEqual(body, FAILED_LOGIN));
}

function assertSiteLink(link, rest) {
    assert.equal(link, `${SITE}${rest}`, 'a link in the site form');
}

describe('jira.js on the site host with an API token (HTTP Basic)', { skip }, () => {
    const v3 = SITE && client(Version3Client, TOKENS.valid);
    const v2 = SITE && client(Version2Client, TOKENS.valid);

    test('myself.getCurrentUser(): alice, with a self link on the site host (v3 and v2)', async () => {
        const [me3, me2] = await Promise.all([v3.myself.getCurrentUser(), v2.myself.getCurrentUser()]);
        for (const [me, version] of [[me3, 3], [me2, 2]]) {
            assert.equal(me.accountId, ALICE.accountId);
            assert.equal(me.emailAddress, ALICE.email);
            assert.equal(me.displayName, ALICE.displayName);
            assert.equal(me.timeZone, ALICE.timeZone);
            assert.equal(me.active, true);
            assertSiteLink(me.self, `/rest/api/${version}/user?accountId=${ALICE.accountId}`);
        }
    });

    test('serverInfo.getServerInfo(): the Cloud site, baseUrl the real site name', async () => {
        const info = await v3.serverInfo.getServerInfo();
        assert.equal(info.deploymentType, 'Cloud');
        assert.equal(info.baseUrl, 'https://acme.atlassian.net');
    });

    test('the enhanced search pages through ACME, every self link on the site host', async () => {
        const request = { jql: 'project = ACME ORDER BY key', fields: ['summary', 'project'], maxResults: 2 };
        const first = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch(request);
        assert.deepEqual(first.issues.map((i) => i.key), ['ACME-1', 'ACME-2']);
        assert.equal(first.isLast, false);
        assert.equal(typeof first.nextPageToken, 'string');
        const second = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ ...request, nextPageToken: first.nextPageToken });
        assert.deepEqual(second.issues.map((i) => i.key), ['ACME-3', 'ACME-4']);
        for (const issue of [...first.issues, ...second.issues]) {
            assertSiteLink(issue.self, `/rest/api/3/issue/${issue.id}`);
            assertSiteLink(issue.fields.project.self, `/rest/api/3/project/${issue.fields.project.id}`);
            assert.equal(typeof issue.fields.summary, 'string');
        }
    });

    test('issues.getIssue(): ACME-1 on v3 (ADF) and v2 (a string), links on the site host', async () => {
        const fields = ['summary', 'description', 'status', 'reporter', 'project'];
        const [issue3, issue2] = await Promise.all([
            v3.issues.getIssue({ issueIdOrKey: 'ACME-1', fields }),
            v2.issues.getIssue({ issueIdOrKey: 'ACME-1', fields }),
        ]);
        assert.equal(issue3.key, 'ACME-1');
        assert.equal(issue2.id, issue3.id);
        assert.equal(issue2.fields.summary, issue3.fields.summary);
        assert.equal(issue3.fields.description?.type, 'doc', 'v3 writes the description as ADF');
        assert.equal(typeof issue2.fields.description, 'string', 'v2 writes it as a string');
        const paragraphs = adfText(issue3.fields.description);
        assert.ok(paragraphs.length > 0, 'ACME-1 has a description');
        assert.equal(issue2.fields.description, paragraphs.join('\n'), 'one line per ADF paragraph');
        assertSiteLink(issue3.self, `/rest/api/3/issue/${issue3.id}`);
        assertSiteLink(issue2.self, `/rest/api/2/issue/${issue2.id}`);
        assertSiteLink(issue3.fields.status.self, `/rest/api/3/status/${issue3.fields.status.id}`);
        assertSiteLink(issue3.fields.reporter.self, `/rest/api/3/user?accountId=${issue3.fields.reporter.accountId}`);
    });

    describe('an issue created, commented on, relabelled and deleted', () => {
        let created;

        after(async () => {
            if (created) await v3.issues.deleteIssue({ issueIdOrKey: created.key }).catch(() => {});
        });

        test('issues.createIssue(): id, key and a self link on the site host; alice is the reporter', async () => {
            created = await v3.issues.createIssue({
                fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'Created on the site host', labels: [LABEL] },
            });
            assert.deepEqual(Object.keys(created).sort(), ['id', 'key', 'self']);
            assert.match(created.key, /^ACME-\d+$/);
            assertSiteLink(created.self, `/rest/api/3/issue/${created.id}`);
            const { fields } = await v3.issues.getIssue({ issueIdOrKey: created.key, fields: ['summary', 'reporter', 'labels'] });
            assert.equal(fields.summary, 'Created on the site host');
            assert.equal(fields.reporter.accountId, ALICE.accountId);
            assert.deepEqual(fields.labels, [LABEL]);
        });

        test('issueComments.addComment() on v3 (a string jira.js wraps in ADF) and v2; both read back', async () => {
            const c3 = await v3.issueComments.addComment({ issueIdOrKey: created.key, comment: 'Through v3.' });
            const c2 = await v2.issueComments.addComment({ issueIdOrKey: created.key, comment: 'Through v2.' });
            assertSiteLink(c3.self, `/rest/api/3/issue/${created.id}/comment/${c3.id}`);
            assertSiteLink(c2.self, `/rest/api/2/issue/${created.id}/comment/${c2.id}`);
            assert.equal(c3.author.accountId, ALICE.accountId);
            const page = await v3.issueComments.getComments({ issueIdOrKey: created.key });
            assert.equal(page.total, 2);
            assert.deepEqual(page.comments.map((c) => c.id), [c3.id, c2.id]);
            assert.deepEqual(page.comments.map((c) => adfText(c.body).join('')), ['Through v3.', 'Through v2.']);
        });

        test('issues.editIssue() adds a label; the enhanced search finds the issue by it', async () => {
            await v3.issues.editIssue({ issueIdOrKey: created.key, update: { labels: [{ add: 'relabelled' }] } });
            const found = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
                jql: `labels = "${LABEL}" AND labels = relabelled`, fields: ['labels'],
            });
            assert.deepEqual(found.issues.map((i) => i.key), [created.key]);
            assert.deepEqual([...found.issues[0].fields.labels].sort(), ['relabelled', LABEL].sort());
        });

        test('issues.deleteIssue(): then the issue is a 404', async () => {
            await v3.issues.deleteIssue({ issueIdOrKey: created.key });
            const key = created.key;
            created = undefined;
            await assert.rejects(v3.issues.getIssue({ issueIdOrKey: key }), jiraError(404, (body) => {
                assert.deepEqual(body.errorMessages, ['Issue does not exist or you do not have permission to see it.']);
            }));
        });
    });

    describe('credentials the site refuses', () => {
        for (const name of ['expired', 'revoked']) {
            test(`an ${name} API token: 401 from /myself and from a create, on v3 and v2`, async () => {
                const refused3 = client(Version3Client, TOKENS[name]);
                const refused2 = client(Version2Client, TOKENS[name]);
                await assert.rejects(refused3.myself.getCurrentUser(), failedLogin());
                await assert.rejects(refused2.myself.getCurrentUser(), failedLogin());
                await assert.rejects(
                    refused3.issues.createIssue({ fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'never' } }),
                    failedLogin(),
                );
            });
        }

        test('a valid token under another e-mail address: 401', async () => {
            await assert.rejects(client(Version3Client, TOKENS.valid, 'bob@acme.test').myself.getCurrentUser(), failedLogin());
        });

        test('the site\'s X-Seraph-LoginReason header reaches the caller, on the HttpException\'s axios cause', async () => {
            await assert.rejects(client(Version3Client, TOKENS.expired).myself.getCurrentUser(), (err) => {
                assert.equal(err.status, 401);
                assert.equal(err.cause?.response?.headers?.['x-seraph-loginreason'], 'AUTHENTICATED_FAILED');
                return true;
            });
        });

        test('a search with a refused token is answered as anonymous: ACME does not exist for it (400), no 401', async () => {
            // The gotcha of the site host: search does not fail the login, it runs without a user.
            await assert.rejects(
                client(Version3Client, TOKENS.revoked).issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = ACME' }),
                jiraError(400, (body) => assert.deepEqual(body.errorMessages, ["The value 'ACME' does not exist for the field 'project'."])),
            );
            const open = await client(Version3Client, TOKENS.revoked).issueSearch.searchForIssuesUsingJqlEnhancedSearch({
                jql: 'created >= -5000w ORDER BY key', maxResults: 5,
            });
            assert.deepEqual(open.issues, [], 'anonymous sees no project of the default world');
        });
    });
});
