// What the test files share: the simulator's address, the tokens, jira.js clients, the default world's identities.
// Kept outside test/ because `node --test` runs every .mjs file under a test/ directory as a test file.
//
// Environment (the JUnit runner sets all of it; see README.md for a run by hand):
//   JIRASIM_JIRA_URL      the gateway base for acme, e.g. http://127.0.0.1:8484/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70
//   JIRASIM_TOKEN         alice's access token (site admin on acme; read:jira-work write:jira-work read:jira-user)
//   JIRASIM_BOB_TOKEN     bob's access token (acme member; may browse ACME and OPS, not SEC; may not delete)
//   JIRASIM_NARROW_TOKEN  alice's token with read:jira-user only, from another app (jirasim-private-client): a
//                         grant unions the scopes of every consent to its app, so it must be a grant of its own.
//                         /myself works with it, issue routes do not.
// or, instead of the three tokens, JIRASIM_ADMIN (the control API, e.g. http://127.0.0.1:8484/__admin): the
// tokens are then minted through POST {JIRASIM_ADMIN}/tokens.

import assert from 'node:assert/strict';
import { Version2Client, Version3Client } from 'jira.js';

// Identities of the default world (simulator/src/main/resources/dev/jirasim/simulator/default-world.yaml).
export const ACME_CLOUD_ID = '7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70';
export const ALICE = { accountId: '5f8a1c2e4b7d9e0011a2b3c4', displayName: 'Alice Adams', email: 'alice@acme.test', timeZone: 'Europe/London' };
export const BOB = { accountId: '5f8a1c2e4b7d9e0011a2b3c5', displayName: 'Bob Brown', email: 'bob@acme.test', timeZone: 'America/New_York' };
export const CAROL = { accountId: '712020:3c9e1f5a-7b2d-4e6f-8a0c-1d3e5f7a9b2c' };

function required(name) {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name} (see README.md in compat/jira-js).`);
    return value.replace(/\/+$/, '');
}

/** The host jira.js is given: the gateway base for acme, without /rest/api/N (jira.js adds it). */
export const HOST = required('JIRASIM_JIRA_URL');
const ADMIN = process.env.JIRASIM_ADMIN?.replace(/\/+$/, '');

async function mint(spec) {
    const response = await fetch(`${ADMIN}/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(spec),
    });
    if (!response.ok) throw new Error(`POST ${ADMIN}/tokens answered ${response.status}: ${await response.text()}`);
    return (await response.json()).access_token;
}

async function token(name, spec) {
    if (process.env[name]) return process.env[name];
    if (!ADMIN) throw new Error(`Set ${name}, or JIRASIM_ADMIN to mint it (see README.md in compat/jira-js).`);
    return mint(spec);
}

const [aliceToken, bobToken, narrowToken] = await Promise.all([
    token('JIRASIM_TOKEN', { user: ALICE.email, sites: ['acme'] }),
    token('JIRASIM_BOB_TOKEN', { user: BOB.email, sites: ['acme'] }),
    token('JIRASIM_NARROW_TOKEN', { user: ALICE.email, sites: ['acme'], scopes: ['read:jira-user'], clientId: 'jirasim-private-client' }),
]);

/** The configuration README.md shows: the gateway base as host, a 3LO access token, nothing else. */
function config(accessToken) {
    return { host: HOST, authentication: { oauth2: { accessToken } } };
}

export const alice = new Version3Client(config(aliceToken));
export const aliceV2 = new Version2Client(config(aliceToken));
export const bob = new Version3Client(config(bobToken));
export const narrow = new Version3Client(config(narrowToken));

/**
 * Asserts that a `self` link points at this v3 resource under the gateway base. Only the path and query are
 * compared: the simulator writes links with its public URL (--public-url), which may name the host differently.
 */
export function assertSelf(link, path) {
    const url = new URL(link);
    assert.equal(url.pathname + url.search, `${new URL(HOST).pathname}/rest/api/3${path}`, `self link ${link}`);
}

/**
 * A validator for assert.rejects: jira.js's HttpException for a Jira answer with this status. jira.js keeps the
 * status on the error and the response body in `error.response.data`; `check` gets that body.
 */
export function jiraError(status, check = () => {}) {
    return (err) => {
        assert.equal(err?.name, 'HttpException', `expected jira.js's HttpException, got: ${err?.stack ?? err}`);
        assert.equal(err.status, status, `status; body: ${JSON.stringify(err.response?.data)}`);
        check(err.response.data);
        return true;
    };
}

/** Milliseconds since the epoch of a time as Jira writes it (2026-01-31T14:00:00.000+0000). */
export function jiraTime(text) {
    const millis = Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    assert.ok(!Number.isNaN(millis), `not a Jira time: ${text}`);
    return millis;
}

/** The text of every text node of an ADF document, in document order. */
export function adfText(node) {
    if (!node || typeof node !== 'object') return [];
    if (node.type === 'text') return [node.text];
    return (node.content ?? []).flatMap(adfText);
}
