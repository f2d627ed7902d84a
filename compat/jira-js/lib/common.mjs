// What every test file may use without a simulator: the default world's identities and checks of jira.js's
// answers. No environment is read here, so the site-host file can import it without the gateway's settings.

import assert from 'node:assert/strict';

// Identities of the default world (simulator/src/main/resources/dev/jirasim/simulator/default-world.yaml).
export const ACME_CLOUD_ID = '7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70';
export const ALICE = { accountId: '5f8a1c2e4b7d9e0011a2b3c4', displayName: 'Alice Adams', email: 'alice@acme.test', timeZone: 'Europe/London' };
export const BOB = { accountId: '5f8a1c2e4b7d9e0011a2b3c5', displayName: 'Bob Brown', email: 'bob@acme.test', timeZone: 'America/New_York' };
export const CAROL = { accountId: '712020:3c9e1f5a-7b2d-4e6f-8a0c-1d3e5f7a9b2c' };

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
