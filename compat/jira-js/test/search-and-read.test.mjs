// Enhanced search (GET and POST /search/jql, paged with nextPageToken), the approximate count, and reading one
// issue on v3 (ADF) and v2 (string). Read-only, over OPS and ACME-1, which the lifecycle file never touches.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALICE, BOB, adfText, alice, aliceV2, assertSelf, bob, jiraError, jiraTime } from '../lib/jira.mjs';

const OPS_KEYS = Array.from({ length: 60 }, (_, i) => `OPS-${i + 1}`);

/** Follows nextPageToken until isLast, with one of jira.js's two enhanced-search calls; returns the pages. */
async function allPages(search, request) {
    const pages = [];
    let nextPageToken;
    for (;;) {
        const page = await search({ ...request, nextPageToken });
        pages.push(page);
        if (page.isLast) {
            assert.equal(page.nextPageToken, undefined, 'the last page has no nextPageToken');
            return pages;
        }
        assert.equal(typeof page.nextPageToken, 'string', `a page that is not the last has a token: ${JSON.stringify(page)}`);
        assert.ok(pages.length < 10, 'too many pages');
        nextPageToken = page.nextPageToken;
    }
}

function checkOpsPages(pages) {
    assert.deepEqual(pages.map((p) => p.issues.length), [25, 25, 10]);
    const issues = pages.flatMap((p) => p.issues);
    assert.deepEqual(issues.map((i) => i.key), OPS_KEYS, 'every OPS issue once, in key order');
    for (const issue of issues) {
        assert.deepEqual(Object.keys(issue.fields).sort(), ['status', 'summary'], `only the fields asked for: ${issue.key}`);
        assert.equal(typeof issue.fields.summary, 'string');
        assert.ok(['To Do', 'In Progress', 'In Review', 'Done'].includes(issue.fields.status.name), issue.fields.status.name);
        assertSelf(issue.self, `/issue/${issue.id}`);
    }
    // Pages carry no total and no startAt: the enhanced search has neither.
    assert.ok(pages.every((p) => p.total === undefined && p.startAt === undefined), JSON.stringify(pages[0]).slice(0, 200));
}

describe('issueSearch', () => {
    const request = { jql: 'project = OPS ORDER BY key', maxResults: 25, fields: ['summary', 'status'] };

    test('searchForIssuesUsingJqlEnhancedSearch (GET /search/jql) pages through OPS with nextPageToken', async () => {
        const pages = await allPages((r) => alice.issueSearch.searchForIssuesUsingJqlEnhancedSearch(r), request);
        checkOpsPages(pages);
    });

    test('searchForIssuesUsingJqlEnhancedSearchPost (POST /search/jql) gives the same pages', async () => {
        const pages = await allPages((r) => alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost(r), request);
        checkOpsPages(pages);
    });

    test('without fields, issues come back as ids only', async () => {
        const [result, issue] = await Promise.all([
            alice.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'key = ACME-1' }),
            alice.issues.getIssue({ issueIdOrKey: 'ACME-1', fields: ['summary'] }),
        ]);
        assert.equal(result.issues.length, 1);
        assert.equal(result.issues[0].id, issue.id);
        assert.equal(result.issues[0].fields, undefined);
        assert.equal(result.isLast, true);
    });

    test('results are limited to what the user may browse, silently', async () => {
        const request = { jql: 'issuetype = Bug ORDER BY key', fields: ['project'], maxResults: 100 };
        const [mine, bobs] = await Promise.all([
            allPages((r) => alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost(r), request),
            allPages((r) => bob.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost(r), request),
        ]);
        const keys = (pages) => pages.flatMap((p) => p.issues).map((i) => i.key);
        assert.ok(keys(mine).some((k) => k.startsWith('SEC-')), `alice sees SEC bugs: ${keys(mine)}`);
        assert.deepEqual(keys(bobs), keys(mine).filter((k) => !k.startsWith('SEC-')), 'bob gets the same list without SEC');
        // Named in the JQL, SEC does not exist for bob: Jira's JQL error for an unknown value.
        await assert.rejects(
            bob.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = SEC' }),
            jiraError(400, (body) => assert.deepEqual(body.errorMessages, ["The value 'SEC' does not exist for the field 'project'."])),
        );
    });

    test('countIssues (POST /search/approximate-count)', async () => {
        assert.deepEqual(await alice.issueSearch.countIssues({ jql: 'project = OPS' }), { count: 60 });
    });
});

describe('issues.getIssue', () => {
    test('v3: every field by default, consistent with the schema; the description in ADF', async () => {
        const [issue, project, statuses, priorities] = await Promise.all([
            alice.issues.getIssue({ issueIdOrKey: 'ACME-1' }),
            alice.projects.getProject({ projectIdOrKey: 'ACME' }),
            alice.workflowStatuses.getStatuses(),
            alice.issuePriorities.getPriorities(),
        ]);
        assert.equal(issue.key, 'ACME-1');
        assert.match(issue.id, /^\d+$/);
        assertSelf(issue.self, `/issue/${issue.id}`);
        const { fields } = issue;
        assert.equal(typeof fields.summary, 'string');
        assert.ok(fields.summary.length > 0);
        assert.equal(fields.project.id, project.id);
        assert.equal(fields.project.key, 'ACME');
        assert.ok(project.issueTypes.some((t) => t.id === fields.issuetype.id && t.name === fields.issuetype.name), JSON.stringify(fields.issuetype));
        const status = statuses.find((s) => s.id === fields.status.id);
        assert.equal(fields.status.name, status?.name, JSON.stringify(fields.status));
        assert.equal(fields.status.statusCategory.key, status.statusCategory.key);
        assert.ok(priorities.some((p) => p.id === fields.priority.id && p.name === fields.priority.name), JSON.stringify(fields.priority));
        assert.ok([ALICE.accountId, BOB.accountId].includes(fields.reporter.accountId), 'the reporter is a member of acme');
        assert.ok(Array.isArray(fields.labels));
        assert.match(fields.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
        assert.ok(jiraTime(fields.updated) >= jiraTime(fields.created), `${fields.created} .. ${fields.updated}`);
        assert.equal(fields.description.type, 'doc');
        assert.equal(fields.description.version, 1);
        assert.ok(adfText(fields.description).length > 0, JSON.stringify(fields.description));
        assert.equal(fields.comment.total, fields.comment.comments.length, 'the comment field is a page of comments');
    });

    test('v3: the same issue through the enhanced search with *all has the same fields', async () => {
        const [issue, found] = await Promise.all([
            alice.issues.getIssue({ issueIdOrKey: 'ACME-1' }),
            alice.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'key = ACME-1', fields: ['*all'] }),
        ]);
        assert.equal(found.issues.length, 1);
        assert.deepEqual(found.issues[0].fields, issue.fields);
    });

    test('v3 with fields: only those; the key in any case', async () => {
        const issue = await alice.issues.getIssue({ issueIdOrKey: 'acme-1', fields: ['summary', 'status'] });
        assert.equal(issue.key, 'ACME-1');
        assert.deepEqual(Object.keys(issue.fields).sort(), ['status', 'summary']);
    });

    test('v2 (Version2Client): the same issue, the description as a string with the same text', async () => {
        const [v3issue, v2issue] = await Promise.all([
            alice.issues.getIssue({ issueIdOrKey: 'ACME-1', fields: ['summary', 'description'] }),
            aliceV2.issues.getIssue({ issueIdOrKey: 'ACME-1', fields: ['summary', 'description'] }),
        ]);
        assert.equal(v2issue.fields.summary, v3issue.fields.summary);
        assert.equal(typeof v2issue.fields.description, 'string');
        for (const text of adfText(v3issue.fields.description)) {
            assert.ok(v2issue.fields.description.includes(text), `${JSON.stringify(v2issue.fields.description)} lacks ${JSON.stringify(text)}`);
        }
        assert.equal(v2issue.id, v3issue.id);
        assert.ok(v2issue.self.endsWith(`/rest/api/2/issue/${v3issue.id}`), v2issue.self);
    });
});
