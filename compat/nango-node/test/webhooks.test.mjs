// Checks Jirasim's Nango webhooks with the published @nangohq/node SDK's own verification: a real delivery, received
// by a small HTTP server on loopback, passes `verifyIncomingWebhookRequest` (and the deprecated
// `verifyWebhookSignature`) with the environment's webhook signing key, and a tampered copy does not.
//
// Environment (as for sdk.test.mjs; give this file a tenant of its own, since it changes the environment's webhook URL):
//   NANGO_HOST        the simulated Nango base, e.g. http://127.0.0.1:8484/t/<tenant>/nango
//   NANGO_SECRET_KEY  the world's Nango secret key
//   JIRASIM_ADMIN     the same tenant's control API, e.g. http://127.0.0.1:8484/t/<tenant>/__admin

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Nango } from '@nangohq/node';

function required(name) {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name} (see README.md in compat/nango-node).`);
    return value.replace(/\/+$/, '');
}

const HOST = required('NANGO_HOST');
const SECRET_KEY = required('NANGO_SECRET_KEY');
const ADMIN = required('JIRASIM_ADMIN');

const nango = new Nango({ secretKey: SECRET_KEY, host: HOST });
const received = [];
let server;
let signingKey;
/** The connection the first test makes (alice on acme, like the seeded alice-acme). */
let connected;

async function admin(method, path, body) {
    const init = body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(`${ADMIN}${path}`, init);
    if (!response.ok) assert.fail(`${method} ${ADMIN}${path} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? null : response.json();
}

/** Waits until the simulator has no delivery in flight, then returns what arrived since `from`. */
async function deliveredSince(from) {
    const { idle } = await admin('POST', '/webhooks/await-idle', { timeoutMs: 10000 });
    assert.equal(idle, true, 'deliveries still in flight after 10 s');
    return received.slice(from);
}

/** The SDK as an app's backend configures it: the secret key and the environment's webhook signing key. */
function verifier() {
    return new Nango({ secretKey: SECRET_KEY, host: HOST, webhookSigningKey: signingKey });
}

/** The SDK's checks, and the same checks on a copy with one byte of the body changed. */
function assertVerifies(delivery) {
    assert.equal(verifier().verifyIncomingWebhookRequest(delivery.body, delivery.headers), true, 'X-Nango-Hmac-Sha256 verifies');
    assert.equal(verifier().verifyWebhookSignature(delivery.headers['x-nango-signature'], JSON.parse(delivery.body)), true,
        'X-Nango-Signature verifies, even from the re-serialised parsed body');
    const tampered = delivery.body.replace('"type":"', '"type":"x');
    assert.notEqual(tampered, delivery.body);
    assert.equal(verifier().verifyIncomingWebhookRequest(tampered, delivery.headers), false, 'a tampered body is refused');
    assert.equal(verifier().verifyWebhookSignature(delivery.headers['x-nango-signature'], JSON.parse(tampered)), false);
    // Signed with the signing key, not the secret key: a client that knows only the secret key cannot verify.
    assert.equal(nango.verifyIncomingWebhookRequest(delivery.body, delivery.headers), false);
}

before(async () => {
    await admin('POST', '/reset');
    server = createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
            res.writeHead(200).end();
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    await admin('PUT', '/nango/webhooks', { primaryUrl: `http://127.0.0.1:${server.address().port}/nango-webhooks` });
    signingKey = (await admin('GET', '/nango/webhook-signing-key')).webhookSigningKey;
    assert.notEqual(signingKey, SECRET_KEY);
});

after(() => new Promise((resolve) => server.close(resolve)));

describe('webhooks from the simulated Nango', () => {
    test('a connect flow delivers an auth webhook that verifyIncomingWebhookRequest accepts', async () => {
        await admin('PUT', '/consent', { mode: 'auto', user: 'alice@acme.test', sites: ['acme'], decision: 'approve' });
        const session = await nango.createConnectSession({ end_user: { id: 'node-user', email: 'node@acme.test' } });
        const from = received.length;
        let location = `${HOST}/oauth/connect/jira?connect_session_token=${session.data.token}`;
        let response;
        for (let hop = 0; hop < 3; hop++) {
            response = await fetch(location, { redirect: 'manual' });
            if (response.status !== 302) break;
            location = response.headers.get('location');
        }
        assert.equal(response.status, 200);
        const page = await response.text();
        const connectionId = /data-connection-id="([^"]+)"/.exec(page)?.[1];
        assert.ok(connectionId, page);
        connected = connectionId;

        const got = await deliveredSince(from);
        assert.equal(got.length, 1, JSON.stringify(got));
        assert.equal(got[0].path, '/nango-webhooks');
        assertVerifies(got[0]);
        const body = JSON.parse(got[0].body);
        assert.equal(body.type, 'auth');
        assert.equal(body.operation, 'creation');
        assert.equal(body.success, true);
        assert.equal(body.connectionId, connectionId);
        assert.equal(body.endUser.endUserId, 'node-user');
    });

    test('a Jira event forwarded by Nango to each acme connection verifies, and a tampered copy does not', async () => {
        const integration = await nango.getIntegration({ uniqueKey: 'jira' }, { include: ['webhook'] });
        const url = integration.data.webhook_url;
        assert.match(url, /\/nango\/webhook\/[0-9a-f-]{36}\/jira$/);
        const event = {
            webhookEvent: 'jira:issue_created',
            timestamp: 1767000000000,
            issue: { id: '10001', key: 'ACME-1', self: 'https://acme.atlassian.net/rest/api/2/issue/10001', fields: { summary: 'Ünïcode "quotes"', points: 2.5 } }
        };
        const from = received.length;
        const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
        assert.equal(answer.status, 200);
        assert.deepEqual(await answer.json(), { status: 'success' });

        // Both connections on acme (the seeded one and the one the first test made) get it, each in its own body.
        const got = await deliveredSince(from);
        assert.deepEqual(got.map((d) => JSON.parse(d.body).connectionId).sort(), ['alice-acme', connected].sort());
        for (const delivery of got) {
            assertVerifies(delivery);
            const body = JSON.parse(delivery.body);
            assert.equal(body.type, 'forward');
            assert.equal(body.from, 'jira');
            assert.equal(body.providerConfigKey, 'jira');
            assert.deepEqual(body.payload, event);
        }
    });

    test('a failed refresh delivers the failure webhook, which verifies', async () => {
        await admin('POST', '/tokens/revoke', { user: 'alice@acme.test' });
        await admin('PUT', '/clock', { frozen: true });
        await admin('POST', '/clock/advance', { seconds: 3000 });
        const from = received.length;
        await assert.rejects(nango.getConnection('jira', 'alice-acme'), (err) => err.response?.status === 400);

        const got = await deliveredSince(from);
        assert.equal(got.length, 1);
        assertVerifies(got[0]);
        const body = JSON.parse(got[0].body);
        assert.equal(body.operation, 'refresh');
        assert.equal(body.success, false);
        assert.equal(body.error.type, 'refresh_token_external_error');
    });
});
