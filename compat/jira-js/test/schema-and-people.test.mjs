// The site as jira.js reads it first: who am I, the server, projects, the schema (issue types, priorities,
// statuses, status categories, resolutions, fields) and the people. Read-only: safe to run beside the other files.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALICE, BOB, CAROL, alice, bob, assertSelf, jiraError } from '../lib/jira.mjs';

describe('who and where', () => {
    test('myself.getCurrentUser() is alice, with her self link on the gateway', async () => {
        const me = await alice.myself.getCurrentUser();
        assert.equal(me.accountId, ALICE.accountId);
        assert.equal(me.displayName, ALICE.displayName);
        if (me.emailAddress !== undefined) assert.equal(me.emailAddress, ALICE.email);
        assert.equal(me.timeZone, ALICE.timeZone);
        assert.equal(me.accountType, 'atlassian');
        assert.equal(me.active, true);
        assertSelf(me.self, `/user?accountId=${ALICE.accountId}`);
        assert.match(me.avatarUrls['48x48'], /^https:\/\//);
    });

    test('serverInfo.getServerInfo() names the site, not the gateway', async () => {
        const info = await alice.serverInfo.getServerInfo();
        assert.equal(info.baseUrl, 'https://acme.atlassian.net');
        assert.equal(info.deploymentType, 'Cloud');
        assert.ok(Array.isArray(info.versionNumbers) && info.versionNumbers.length === 3, JSON.stringify(info));
        assert.match(info.serverTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
    });
});

describe('projects', () => {
    test('projects.searchProjects() pages what the caller may browse', async () => {
        const page = await alice.projects.searchProjects();
        assert.deepEqual(page.values.map((p) => p.key), ['ACME', 'OPS', 'SEC']);
        assert.equal(page.total, 3);
        assert.equal(page.isLast, true);
        assert.equal(page.startAt, 0);
        const acme = page.values[0];
        assert.equal(acme.id, '10000');
        assert.equal(acme.name, 'Acme Platform');
        assertSelf(acme.self, '/project/10000');

        const bobs = await bob.projects.searchProjects({ maxResults: 1 });
        assert.deepEqual(bobs.values.map((p) => p.key), ['ACME']);
        assert.equal(bobs.total, 2, 'bob may not browse SEC');
        assert.equal(bobs.isLast, false);
        const next = await bob.projects.searchProjects({ startAt: 1, maxResults: 1 });
        assert.deepEqual(next.values.map((p) => p.key), ['OPS']);
        assert.equal(next.isLast, true);
    });

    test('projects.getProject() by key (the string form) and by id with expand', async () => {
        // The string form makes jira.js send expand=false&properties=false; Jira ignores both.
        const acme = await alice.projects.getProject('ACME');
        assert.equal(acme.id, '10000');
        assert.equal(acme.key, 'ACME');
        assert.equal(acme.name, 'Acme Platform');
        assert.equal(acme.lead.accountId, ALICE.accountId);
        assert.equal(acme.projectTypeKey, 'software');
        assert.ok(['classic', 'next-gen'].includes(acme.style), acme.style);
        assert.equal(acme.simplified, acme.style === 'next-gen', 'team-managed (next-gen) projects are the simplified ones');
        assert.ok(acme.issueTypes.some((t) => t.name === 'Task'), JSON.stringify(acme.issueTypes.map((t) => t.name)));
        assert.ok(Array.isArray(acme.components) && Array.isArray(acme.versions));

        const byId = await alice.projects.getProject({ projectIdOrKey: '10000', expand: 'projectKeys' });
        assert.equal(byId.key, 'ACME');
        assert.deepEqual(byId.projectKeys, ['ACME']);
    });

    test('a project bob may not browse does not exist for him', async () => {
        await assert.rejects(bob.projects.getProject({ projectIdOrKey: 'SEC' }), jiraError(404, (body) => {
            assert.deepEqual(body.errorMessages, ["No project could be found with key 'SEC'."]);
        }));
    });
});

describe('the schema', () => {
    test('issueTypes: all, one by id, and per project (the same types getProject lists)', async () => {
        const all = await alice.issueTypes.getIssueAllTypes();
        const names = all.map((t) => t.name);
        for (const name of ['Task', 'Bug', 'Story', 'Epic']) assert.ok(names.includes(name), `${name} in ${names}`);
        assert.ok(all.some((t) => t.subtask === true && t.hierarchyLevel === -1), 'a sub-task type');
        assert.ok(all.every((t) => t.subtask === (t.hierarchyLevel === -1)), 'subtask is hierarchy level -1');

        const listed = all.find((t) => t.name === 'Epic');
        const epic = await alice.issueTypes.getIssueType({ id: listed.id });
        assert.deepEqual(epic, listed);
        assert.equal(epic.hierarchyLevel, 1);
        assertSelf(epic.self, `/issuetype/${epic.id}`);
        assert.match(epic.iconUrl, /^http/);

        const project = await alice.projects.getProject({ projectIdOrKey: 'ACME' });
        const forAcme = await alice.issueTypes.getIssueTypesForProject({ projectId: Number(project.id) });
        assert.deepEqual(forAcme.map((t) => t.id).sort(), project.issueTypes.map((t) => t.id).sort());
        const level1 = await alice.issueTypes.getIssueTypesForProject({ projectId: Number(project.id), level: 1 });
        assert.deepEqual(level1.map((t) => t.id), forAcme.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
        assert.ok(level1.some((t) => t.name === 'Epic'));
    });

    test('issuePriorities: the list with Medium as default, and one by id', async () => {
        const priorities = await alice.issuePriorities.getPriorities();
        assert.deepEqual(priorities.map((p) => p.name), ['Highest', 'High', 'Medium', 'Low', 'Lowest']);
        assert.deepEqual(priorities.filter((p) => p.isDefault).map((p) => p.name), ['Medium']);
        const high = await alice.issuePriorities.getPriority({ id: '2' });
        assert.equal(high.name, 'High');
        assert.match(high.statusColor, /^#/);
    });

    test('workflowStatuses and workflowStatusCategories', async () => {
        const statuses = await alice.workflowStatuses.getStatuses();
        const byName = new Map(statuses.map((s) => [s.name, s]));
        for (const [name, category] of [['To Do', 'new'], ['In Progress', 'indeterminate'], ['Done', 'done']]) {
            assert.equal(byName.get(name)?.statusCategory.key, category, `${name} in ${[...byName.keys()]}`);
        }
        const done = await alice.workflowStatuses.getStatus('Done');
        assert.deepEqual(done, byName.get('Done'));
        assert.equal(done.statusCategory.colorName, 'green');
        // jira.js puts the name into the path as it is; axios sends the space percent-encoded.
        const inProgress = await alice.workflowStatuses.getStatus({ idOrName: 'In Progress' });
        assert.equal(inProgress.id, byName.get('In Progress').id);
        assert.deepEqual(await alice.workflowStatuses.getStatus(inProgress.id), inProgress);

        const categories = await alice.workflowStatusCategories.getStatusCategories();
        assert.deepEqual(categories.map((c) => [c.id, c.key]), [[1, 'undefined'], [2, 'new'], [4, 'indeterminate'], [3, 'done']]);
        const category = await alice.workflowStatusCategories.getStatusCategory('done');
        assert.equal(category.id, 3);
        assert.equal(category.name, 'Done');
    });

    test('issueResolutions: the list and one by id', async () => {
        const resolutions = await alice.issueResolutions.getResolutions();
        assert.deepEqual(resolutions.map((r) => r.name), ['Done', "Won't Do", 'Duplicate']);
        const wontDo = await alice.issueResolutions.getResolution({ id: '10001' });
        assert.equal(wontDo.name, "Won't Do");
        assertSelf(wontDo.self, '/resolution/10001');
    });

    test('issueFields.getFields() describes the system fields with schema and clause names', async () => {
        const fields = await alice.issueFields.getFields();
        const byId = new Map(fields.map((f) => [f.id, f]));
        for (const id of ['summary', 'description', 'issuetype', 'project', 'status', 'priority', 'assignee', 'reporter', 'labels', 'created']) {
            assert.ok(byId.has(id), `no ${id} in ${[...byId.keys()]}`);
        }
        assert.equal(byId.get('summary').name, 'Summary');
        assert.deepEqual(byId.get('summary').schema, { type: 'string', system: 'summary' });
        assert.equal(byId.get('assignee').schema.type, 'user');
        assert.equal(byId.get('labels').schema.items, 'string');
        assert.ok(byId.get('issuetype').clauseNames.includes('type'));
        for (const field of fields) {
            assert.equal(field.custom, field.id.startsWith('customfield_'), `custom is true for custom fields only: ${field.id}`);
        }
    });
});

describe('people', () => {
    test('users.getUser() by accountId; a member of another site is unknown here', async () => {
        const user = await alice.users.getUser({ accountId: BOB.accountId });
        assert.equal(user.displayName, BOB.displayName);
        assert.equal(user.timeZone, BOB.timeZone);
        assert.equal(user.active, true);
        assertSelf(user.self, `/user?accountId=${BOB.accountId}`);
        await assert.rejects(alice.users.getUser({ accountId: CAROL.accountId }), jiraError(404, (body) => {
            assert.deepEqual(body.errorMessages, ['Specified user does not exist or you do not have required permissions']);
        }));
    });

    test('users.bulkGetUsers() with one accountId', async () => {
        // jira.js 5.4.0 joins several ids into one encoded value (accountId=a%26accountId%3Db), so only one is sent here.
        const page = await alice.users.bulkGetUsers({ accountId: [BOB.accountId] });
        assert.deepEqual(page.values.map((u) => u.accountId), [BOB.accountId]);
        assert.equal(page.total, 1);
        assert.equal(page.isLast, true);
    });

    test('userSearch.findUsers() by name prefix and by e-mail', async () => {
        const byName = await alice.userSearch.findUsers({ query: 'bro' });
        assert.deepEqual(byName.map((u) => u.accountId), [BOB.accountId]);
        const byEmail = await alice.userSearch.findUsers({ query: 'alice@' });
        assert.deepEqual(byEmail.map((u) => u.accountId), [ALICE.accountId]);
        assert.deepEqual(await alice.userSearch.findUsers({ query: 'carol' }), [], 'carol is not on acme');
    });

    test('users.getAllUsers() lists the site\'s members, and only them', async () => {
        const users = await alice.users.getAllUsers();
        const ids = users.map((u) => u.accountId);
        assert.ok(ids.includes(ALICE.accountId) && ids.includes(BOB.accountId), JSON.stringify(ids));
        assert.ok(!ids.includes(CAROL.accountId), 'carol is on globex only');
        const second = await alice.users.getAllUsers({ startAt: 1, maxResults: 1 });
        assert.deepEqual(second.map((u) => u.accountId), [ids[1]]);
    });

    test('userSearch.findAssignableUsers() follows the project\'s permissions', async () => {
        const ids = (users) => users.map((u) => u.accountId);
        // Every member may edit ACME; in OPS only alice, the site admin, may. Carol is not on acme at all.
        const acme = ids(await alice.userSearch.findAssignableUsers({ project: 'ACME' }));
        assert.ok(acme.includes(ALICE.accountId) && acme.includes(BOB.accountId) && !acme.includes(CAROL.accountId), JSON.stringify(acme));
        const ops = ids(await alice.userSearch.findAssignableUsers({ project: 'OPS' }));
        assert.ok(ops.includes(ALICE.accountId) && !ops.includes(BOB.accountId), JSON.stringify(ops));
        const onIssue = ids(await alice.userSearch.findAssignableUsers({ issueKey: 'ACME-1' }));
        assert.deepEqual(onIssue, acme);
    });
});
