// Jira's failures as jira.js surfaces them: an HttpException whose `status` is the HTTP status and whose
// `response.data` is Jira's body, unchanged. Nothing here changes the world (the refused writes change nothing).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Version3Client } from 'jira.js';
import { ALICE, HOST, alice, aliceV2, bob, jiraError, narrow } from '../lib/jira.mjs';

const NOT_FOUND = ['Issue does not exist or you do not have permission to see it.'];

describe('errors through jira.js', () => {
    test('an unknown issue: 404 with Jira\'s errorMessages', async () => {
        await assert.rejects(alice.issues.getIssue({ issueIdOrKey: 'ACME-99999' }), jiraError(404, (body) => {
            assert.deepEqual(body, { errorMessages: NOT_FOUND, errors: {} });
        }));
    });

    test('an issue bob may not browse is the same 404 as a missing one', async () => {
        await assert.rejects(bob.issues.getIssue({ issueIdOrKey: 'SEC-1' }), jiraError(404, (body) => {
            assert.deepEqual(body, { errorMessages: NOT_FOUND, errors: {} });
        }));
        const sec = await alice.issues.getIssue({ issueIdOrKey: 'SEC-1', fields: ['summary'] });
        assert.equal(sec.key, 'SEC-1', 'alice, site admin, sees it');
    });

    test('a token without read:jira-work: /myself works, issue routes answer 401 "scope does not match"', async () => {
        const me = await narrow.myself.getCurrentUser();
        assert.equal(me.accountId, ALICE.accountId);
        const scopeDoesNotMatch = jiraError(401, (body) => {
            assert.deepEqual(body, { code: 401, message: 'Unauthorized; scope does not match' });
        });
        await assert.rejects(narrow.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: 'project = ACME' }), scopeDoesNotMatch);
        await assert.rejects(narrow.issues.getIssue({ issueIdOrKey: 'ACME-1' }), scopeDoesNotMatch);
        await assert.rejects(
            narrow.issues.createIssue({ fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'never' } }),
            scopeDoesNotMatch,
        );
    });

    test('a token the site never issued: 401 Unauthorized', async () => {
        const stranger = new Version3Client({ host: HOST, authentication: { oauth2: { accessToken: 'not-a-token' } } });
        await assert.rejects(stranger.myself.getCurrentUser(), jiraError(401, (body) => {
            assert.deepEqual(body, { code: 401, message: 'Unauthorized' });
        }));
    });

    test('createIssue without a summary: 400 with the field error', async () => {
        await assert.rejects(
            alice.issues.createIssue({ fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' } } }),
            jiraError(400, (body) => {
                assert.deepEqual(body, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } });
            }),
        );
    });

    test('v2 createIssue with an ADF description: 400 "Operation value must be a string"', async () => {
        const description = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ADF' }] }] };
        await assert.rejects(
            aliceV2.issues.createIssue({ fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'never', description } }),
            jiraError(400, (body) => {
                assert.deepEqual(body.errors, { description: 'Operation value must be a string' });
            }),
        );
    });

    test('enhanced search: unbounded JQL, an unknown field, a forged page token', async () => {
        const search = (request) => alice.issueSearch.searchForIssuesUsingJqlEnhancedSearch(request);
        await assert.rejects(search({ jql: 'ORDER BY key' }), jiraError(400, (body) => {
            assert.deepEqual(body.errorMessages, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
        }));
        await assert.rejects(search({ jql: 'project = ACME AND foo = bar' }), jiraError(400, (body) => {
            assert.deepEqual(body.errorMessages, ["Field 'foo' does not exist or you do not have permission to view it."]);
        }));
        await assert.rejects(search({ jql: 'project = ACME', nextPageToken: 'forged' }), jiraError(400, (body) => {
            assert.equal(body.errorMessages.length, 1, JSON.stringify(body));
        }));
    });

    test('the legacy searchForIssuesUsingJql (GET /search) older code still calls: 410 with the migration note', async () => {
        await assert.rejects(alice.issueSearch.searchForIssuesUsingJql({ jql: 'project = ACME' }), jiraError(410, (body) => {
            assert.match(body.errorMessages[0], /^The requested API has been removed\. Please migrate to the \/rest\/api\/3\/search\/jql API\./);
        }));
    });
});
