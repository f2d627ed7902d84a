// One issue's life through jira.js: create, read, edit, comment (v3 and v2), transition, find, delete.
// Works in ACME on an issue of its own, labelled for this run, and deletes it at the end, so a long-lived
// server can run it again and again; the other files never read ACME beyond ACME-1.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { ALICE, adfText, alice, aliceV2, assertSelf, bob, jiraError } from '../lib/jira.mjs';

const LABEL = `jirajs-${randomUUID().slice(0, 8)}`;

describe('an issue created, changed and deleted through jira.js', () => {
    let created;

    after(async () => {
        // If a test failed half-way, do not leave the issue behind.
        if (created) await alice.issues.deleteIssue({ issueIdOrKey: created.key }).catch(() => {});
    });

    test('issues.createIssue() with a plain-string description (jira.js wraps it in ADF) answers id, key, self', async () => {
        created = await alice.issues.createIssue({
            fields: {
                project: { key: 'ACME' },
                issuetype: { name: 'Task' },
                summary: 'Created by jira.js',
                description: 'Written as a string; jira.js sends it as one ADF paragraph.',
                labels: [LABEL],
            },
        });
        assert.deepEqual(Object.keys(created).sort(), ['id', 'key', 'self']);
        assert.match(created.id, /^\d+$/);
        assert.match(created.key, /^ACME-\d+$/);
        assertSelf(created.self, `/issue/${created.id}`);
    });

    test('issues.getIssue() reads back what was sent', async () => {
        const { fields } = await alice.issues.getIssue({ issueIdOrKey: created.key });
        assert.equal(fields.summary, 'Created by jira.js');
        assert.deepEqual(adfText(fields.description), ['Written as a string; jira.js sends it as one ADF paragraph.']);
        assert.deepEqual(fields.labels, [LABEL]);
        assert.equal(fields.issuetype.name, 'Task');
        assert.equal(fields.project.key, 'ACME');
        assert.equal(fields.reporter.accountId, ALICE.accountId);
        assert.equal(fields.status.statusCategory.key, 'new');
        assert.equal(fields.resolution, null);

        const v2 = await aliceV2.issues.getIssue({ issueIdOrKey: created.key, fields: ['description'] });
        assert.equal(v2.fields.description, 'Written as a string; jira.js sends it as one ADF paragraph.');
    });

    test('issues.editIssue() changes the summary and, through jira.js\'s own GET, the description', async () => {
        await alice.issues.editIssue({
            issueIdOrKey: created.key,
            fields: { summary: 'Edited by jira.js', description: 'A new description.' },
        });
        const { fields } = await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['summary', 'description'] });
        assert.equal(fields.summary, 'Edited by jira.js');
        assert.deepEqual(adfText(fields.description), ['A new description.']);
    });

    test('issues.getChangeLogs() shows the edit; update.labels.add adds a label and a second history', async () => {
        const first = await alice.issues.getChangeLogs({ issueIdOrKey: created.key });
        assert.equal(first.total, 1, 'creating records nothing; the edit one history');
        assert.equal(first.values[0].author.accountId, ALICE.accountId);
        assert.deepEqual(first.values[0].items.map((i) => i.field), ['summary', 'description']);
        assert.equal(first.values[0].items[0].fromString, 'Created by jira.js');
        assert.equal(first.values[0].items[0].toString, 'Edited by jira.js');

        await alice.issues.editIssue({ issueIdOrKey: created.key, update: { labels: [{ add: 'synced' }] } });
        const { fields } = await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['labels'] });
        assert.deepEqual(fields.labels, [LABEL, 'synced']);
        const second = await alice.issues.getChangeLogs({ issueIdOrKey: created.key });
        assert.equal(second.total, 2);
        assert.deepEqual(second.values[1].items, [
            { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: LABEL, to: null, toString: `${LABEL} synced` },
        ]);
        const byId = await alice.issues.getChangeLogsByIds({ issueIdOrKey: created.key, changelogIds: [Number(second.values[1].id)] });
        assert.deepEqual(byId.histories.map((h) => h.id), [second.values[1].id]);
        const bulk = await alice.issues.getBulkChangelogs({ issueIdsOrKeys: [created.key], fieldIds: ['labels'] });
        assert.deepEqual(bulk.issueChangeLogs.map((l) => l.issueId), [created.id]);
        assert.equal(bulk.issueChangeLogs[0].changeHistories.length, 1);
    });

    test('issues.assignIssue() assigns and unassigns; permissions.getMyPermissions() says alice may', async () => {
        const mine = await alice.permissions.getMyPermissions({ issueKey: created.key, permissions: 'ASSIGN_ISSUES,DELETE_ISSUES' });
        assert.equal(mine.permissions.ASSIGN_ISSUES.havePermission, true);
        await alice.issues.assignIssue({ issueIdOrKey: created.key, accountId: ALICE.accountId });
        let { fields } = await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['assignee'] });
        assert.equal(fields.assignee.accountId, ALICE.accountId);
        await alice.issues.assignIssue({ issueIdOrKey: created.key, accountId: null });
        ({ fields } = await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['assignee'] }));
        assert.equal(fields.assignee, null);
        const labels = await alice.labels.getAllLabels();
        assert.ok(labels.values.includes(LABEL), 'the run\'s label is listed');
    });

    test('issueComments: add on v3 (string → ADF) and on v2 (string), list and get on both versions', async () => {
        const first = await alice.issueComments.addComment({ issueIdOrKey: created.key, comment: 'First, through v3.' });
        assert.match(first.id, /^\d+$/);
        assert.equal(first.author.accountId, ALICE.accountId);
        assert.deepEqual(adfText(first.body), ['First, through v3.']);
        assertSelf(first.self, `/issue/${created.id}/comment/${first.id}`);

        const second = await aliceV2.issueComments.addComment({ issueIdOrKey: created.key, comment: 'Second, through v2.' });
        assert.equal(second.body, 'Second, through v2.');

        // The object form: the string form of getComments makes jira.js 5.4.0 send startAt=false (see README.md).
        const page = await alice.issueComments.getComments({ issueIdOrKey: created.key });
        assert.equal(page.total, 2);
        assert.equal(page.startAt, 0);
        assert.deepEqual(page.comments.map((c) => c.id), [first.id, second.id]);
        assert.deepEqual(page.comments.map((c) => adfText(c.body)), [['First, through v3.'], ['Second, through v2.']]);

        const v2page = await aliceV2.issueComments.getComments({ issueIdOrKey: created.key });
        assert.deepEqual(v2page.comments.map((c) => c.body), ['First, through v3.', 'Second, through v2.']);

        const one = await alice.issueComments.getComment({ issueIdOrKey: created.key, id: second.id });
        assert.deepEqual(adfText(one.body), ['Second, through v2.']);
        assert.equal(one.author.displayName, ALICE.displayName);

        const paged = await alice.issueComments.getComments({ issueIdOrKey: created.key, startAt: 1, maxResults: 1 });
        assert.deepEqual(paged.comments.map((c) => c.id), [second.id]);
        assert.equal(paged.total, 2);
    });

    test('issues.getTransitions() and doTransition() to Done set the status and the resolution', async () => {
        const [{ transitions }, statuses] = await Promise.all([
            alice.issues.getTransitions({ issueIdOrKey: created.key }),
            alice.workflowStatuses.getStatuses(),
        ]);
        for (const t of transitions) {
            assert.match(t.id, /^\d+$/);
            assert.ok(statuses.some((s) => s.id === t.to.id && s.name === t.to.name), `a known status: ${JSON.stringify(t.to)}`);
        }
        const toDone = transitions.find((t) => t.to.statusCategory.key === 'done');
        assert.ok(toDone, `a transition to a done status: ${JSON.stringify(transitions.map((t) => [t.id, t.name]))}`);
        assert.equal(toDone.name, 'Done');

        await alice.issues.doTransition({ issueIdOrKey: created.key, transition: { id: toDone.id } });
        const { fields } = await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['status', 'resolution', 'resolutiondate'] });
        assert.equal(fields.status.id, toDone.to.id);
        assert.equal(fields.status.statusCategory.key, 'done');
        assert.equal(fields.resolution.name, 'Done');
        assert.match(fields.resolutiondate, /^\d{4}-\d\d-\d\dT/);
    });

    test('the enhanced search finds it by its label at once, in its new state', async () => {
        const result = await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
            jql: `project = ACME AND labels = ${LABEL}`,
            fields: ['summary', 'status'],
        });
        assert.deepEqual(result.issues.map((i) => [i.key, i.fields.summary, i.fields.status.name]), [[created.key, 'Edited by jira.js', 'Done']]);
    });

    test('bob may edit ACME issues but not delete them: 403 with errorMessages', async () => {
        await bob.issues.editIssue({ issueIdOrKey: created.key, fields: { labels: [LABEL, 'seen-by-bob'] } });
        await assert.rejects(bob.issues.deleteIssue({ issueIdOrKey: created.key }), jiraError(403, (body) => {
            assert.equal(body.errorMessages.length, 1, JSON.stringify(body));
            assert.deepEqual(body.errors, {});
        }));
    });

    test('issues.deleteIssue(): afterwards the issue is a 404', async () => {
        await alice.issues.deleteIssue({ issueIdOrKey: created.key });
        const key = created.key;
        created = undefined;
        await assert.rejects(alice.issues.getIssue({ issueIdOrKey: key }), jiraError(404));
    });
});
