// What the gateway files share: the simulator's address, the tokens, jira.js clients; lib/common.mjs, re-exported
// here, has the default world's identities and the checks of jira.js's answers.
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
import { ALICE, BOB } from './common.mjs';

export { ACME_CLOUD_ID, ALICE, BOB, CAROL, adfText, jiraError, jiraTime } from './common.mjs';

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
