// Drives Jirasim's simulated Nango API with the published @nangohq/node SDK (pinned in package.json).
//
// Environment:
//   NANGO_HOST        the simulated Nango base, e.g. http://127.0.0.1:8484/nango or .../t/<tenant>/nango
//   NANGO_SECRET_KEY  the world's Nango secret key (the default world's is a fixed UUID v4)
//   JIRASIM_ADMIN     the same tenant's control API, e.g. http://127.0.0.1:8484/__admin
//
// The tests share one connection and run in file order: the forced refresh in one test changes the token
// the later ones see. The first hook resets the tenant to its seed world, so a long-lived server is fine.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { Nango } from '@nangohq/node';

function required(name) {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name} (see README.md in compat/nango-node).`);
    return value.replace(/\/+$/, '');
}

const HOST = required('NANGO_HOST');
const SECRET_KEY = required('NANGO_SECRET_KEY');
const ADMIN = required('JIRASIM_ADMIN');

// Identities of the default world (simulator/src/main/resources/dev/jirasim/simulator/default-world.yaml).
const ACME_CLOUD_ID = '7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70';
const ALICE_ACCOUNT_ID = '5f8a1c2e4b7d9e0011a2b3c4';
const CONNECTION = 'alice-acme';
const INTEGRATION = 'jira';
const JIRA = `/ex/jira/${ACME_CLOUD_ID}/rest/api/3`;

const nango = new Nango({ secretKey: SECRET_KEY, host: HOST });
const proxyTarget = { providerConfigKey: INTEGRATION, connectionId: CONNECTION };

/** A validator for assert.rejects: an axios error whose response has this status and Nango error code. */
function nangoError(status, code, message) {
    return (err) => {
        assert.ok(err.response, `expected an HTTP error response, got: ${err}`);
        assert.equal(err.response.status, status, `status; body: ${JSON.stringify(err.response.data)}`);
        assert.equal(err.response.data?.error?.code, code, `error code; body: ${JSON.stringify(err.response.data)}`);
        if (message !== undefined) assert.equal(err.response.data.error.message, message);
        return true;
    };
}

async function admin(method, path, body) {
    const init = body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    let response;
    try {
        response = await fetch(`${ADMIN}${path}`, init);
    } catch (err) {
        throw new Error(`${method} ${ADMIN}${path} failed: ${err.cause?.message ?? err.message}`);
    }
    if (!response.ok) assert.fail(`${method} ${ADMIN}${path} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? null : response.json();
}

function header(headers, name) {
    const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : headers[key];
}

before(async () => {
    await admin('POST', '/reset');
    await admin('DELETE', '/journal');
});

describe('@nangohq/node against the simulated Nango API', () => {
    let firstToken;
    let refreshedToken;

    test('listIntegrations() shows jira and jira-data-center, rewrapped by the SDK as {configs}', async () => {
        const result = await nango.listIntegrations();
        // 0.71.4 reads the server's {data:[...]} and returns {configs: data}.
        assert.deepEqual(Object.keys(result), ['configs']);
        assert.ok(Array.isArray(result.configs), `configs: ${JSON.stringify(result)}`);
        const byKey = new Map(result.configs.map((c) => [c.unique_key, c]));
        assert.equal(byKey.get('jira')?.provider, 'jira');
        assert.equal(byKey.get('jira-data-center')?.provider, 'jira-data-center');
        for (const config of result.configs) {
            assert.equal(typeof config.display_name, 'string');
            assert.ok(!Number.isNaN(Date.parse(config.created_at)), `created_at of ${config.unique_key}`);
            assert.equal(config.credentials, undefined, 'credentials are only included when asked for');
        }
    });

    test('listConnections() contains the ready alice-acme connection, without credentials', async () => {
        const result = await nango.listConnections();
        assert.ok(Array.isArray(result.connections), `body: ${JSON.stringify(result)}`);
        const alice = result.connections.find((c) => c.connection_id === CONNECTION);
        assert.ok(alice, `no ${CONNECTION} in ${JSON.stringify(result.connections.map((c) => c.connection_id))}`);
        assert.equal(alice.provider_config_key, INTEGRATION);
        assert.equal(alice.provider, 'jira');
        assert.ok(Array.isArray(alice.errors));
        assert.ok(!Number.isNaN(Date.parse(alice.created)), `created: ${alice.created}`);
        assert.equal(alice.credentials, undefined);
    });

    test('getConnection() returns OAuth2 credentials without the refresh token, and the Jira site', async () => {
        const connection = await nango.getConnection(INTEGRATION, CONNECTION);
        assert.equal(connection.connection_id, CONNECTION);
        assert.equal(connection.provider_config_key, INTEGRATION);
        assert.equal(connection.provider, 'jira');

        const { credentials } = connection;
        assert.equal(credentials.type, 'OAUTH2');
        assert.equal(typeof credentials.access_token, 'string');
        assert.ok(credentials.access_token.length > 0);
        assert.ok(!('refresh_token' in credentials), 'refresh_token is stripped unless asked for');
        assert.ok(!Number.isNaN(Date.parse(credentials.expires_at)), `expires_at: ${credentials.expires_at}`);
        assert.equal(typeof credentials.raw, 'object');
        assert.ok(!('refresh_token' in credentials.raw), 'refresh_token is stripped inside raw as well');

        assert.equal(connection.connection_config.cloudId, ACME_CLOUD_ID);
        assert.equal(connection.connection_config.baseUrl, 'https://acme.atlassian.net');
        assert.equal(connection.connection_config.accountId, ALICE_ACCOUNT_ID);
        firstToken = credentials.access_token;
    });

    test('getConnection() with forceRefresh and refreshToken returns a new access token and the refresh token', async () => {
        assert.ok(firstToken, 'needs the token of the previous test');
        const connection = await nango.getConnection(INTEGRATION, CONNECTION, true, true);
        const { credentials } = connection;
        assert.equal(credentials.type, 'OAUTH2');
        assert.equal(typeof credentials.access_token, 'string');
        assert.notEqual(credentials.access_token, firstToken, 'a forced refresh issues a new access token');
        assert.equal(typeof credentials.refresh_token, 'string');
        assert.ok(credentials.refresh_token.length > 0);
        assert.equal(credentials.raw.refresh_token, credentials.refresh_token, 'raw keeps it too when asked for');
        refreshedToken = credentials.access_token;
    });

    test('getToken() returns the current access token as a string', async () => {
        const token = await nango.getToken(INTEGRATION, CONNECTION);
        assert.equal(typeof token, 'string');
        assert.ok(token.length > 0);
        if (refreshedToken) assert.equal(token, refreshedToken, 'the refreshed token is the one kept');
    });

    test('proxy GET searches Jira with JQL and passes the result through', async () => {
        const response = await nango.get({
            endpoint: `${JIRA}/search/jql`,
            params: { jql: 'project = ACME ORDER BY key', maxResults: '5', fields: 'summary' },
            ...proxyTarget
        });
        assert.equal(response.status, 200);
        const { issues } = response.data;
        assert.ok(Array.isArray(issues), `body: ${JSON.stringify(response.data)}`);
        assert.equal(issues.length, 5);
        for (const issue of issues) {
            assert.match(issue.key, /^ACME-\d+$/);
            assert.equal(typeof issue.fields.summary, 'string');
        }
        const numbers = issues.map((i) => Number(i.key.slice('ACME-'.length)));
        assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'ORDER BY key sorts by issue number');
    });

    test('proxy POST creates an issue (201) that a proxy GET then finds', async () => {
        const summary = 'Created through the Nango SDK';
        const created = await nango.post({
            endpoint: `${JIRA}/issue`,
            data: { fields: { project: { key: 'ACME' }, summary, issuetype: { name: 'Task' } } },
            ...proxyTarget
        });
        assert.equal(created.status, 201, `body: ${JSON.stringify(created.data)}`);
        assert.match(created.data.key, /^ACME-\d+$/);

        const fetched = await nango.get({ endpoint: `${JIRA}/issue/${created.data.key}`, ...proxyTarget });
        assert.equal(fetched.status, 200);
        assert.equal(fetched.data.key, created.data.key);
        assert.equal(fetched.data.fields.summary, summary);
    });

    test("proxy passes Jira's own error status and body through", async () => {
        await assert.rejects(nango.get({ endpoint: `${JIRA}/issue/ACME-999999`, ...proxyTarget }), (err) => {
            assert.equal(err.response?.status, 404, `got: ${err}`);
            assert.ok(Array.isArray(err.response.data.errorMessages), `body: ${JSON.stringify(err.response.data)}`);
            return true;
        });
    });

    test('proxy refreshes a token that is about to expire before forwarding', async () => {
        const connection = await nango.getConnection(INTEGRATION, CONNECTION);
        const before = connection.credentials.access_token;
        const { now } = await admin('GET', '/clock');
        // Five minutes before expiry: inside Nango's 15-minute refresh margin, still valid at Atlassian.
        const seconds = Math.floor((Date.parse(connection.credentials.expires_at) - Date.parse(now)) / 1000) - 300;
        assert.ok(seconds > 0, `expires_at ${connection.credentials.expires_at} is not after the clock's ${now}`);
        await admin('POST', '/clock/advance', { seconds });
        const { requests: earlier } = await admin('GET', '/journal');
        const lastSeq = Math.max(0, ...earlier.map((r) => r.seq));

        const me = await nango.get({ endpoint: `${JIRA}/myself`, ...proxyTarget });
        assert.equal(me.status, 200);
        assert.equal(me.data.accountId, ALICE_ACCOUNT_ID);
        const { requests } = await admin('GET', '/journal');
        const refreshes = requests.filter((r) => r.seq > lastSeq && r.method === 'POST' && r.path.endsWith('/auth/oauth/token'));
        assert.equal(refreshes.length, 1, `token requests after the clock moved: ${JSON.stringify(refreshes)}`);

        const after = await nango.getToken(INTEGRATION, CONNECTION);
        assert.notEqual(after, before, 'the connection now holds the refreshed token');
    });

    test('getConnection() of an unknown connection is a 404 not_found', async () => {
        await assert.rejects(nango.getConnection(INTEGRATION, 'nobody'), nangoError(404, 'not_found', 'Failed to find connection'));
    });

    test('a secret key that is not a UUID v4 is refused with 401 invalid_secret_key_format', async () => {
        const client = new Nango({ secretKey: 'not-a-uuid', host: HOST });
        await assert.rejects(client.listConnections(), nangoError(401, 'invalid_secret_key_format'));
    });

    test('a well-formed but unknown secret key is refused with 401 unknown_account', async () => {
        let key = randomUUID();
        while (key === SECRET_KEY) key = randomUUID();
        const client = new Nango({ secretKey: key, host: HOST });
        await assert.rejects(client.listConnections(), nangoError(401, 'unknown_account'));
    });

    test('the journal shows the SDK calling /connections/{id} with all four query flags and its own headers', async () => {
        const { requests } = await admin('GET', '/journal');
        const calls = requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/nango/connections/${CONNECTION}`));
        assert.ok(calls.length > 0, `no GET .../nango/connections/${CONNECTION} in ${JSON.stringify(requests.map((r) => r.path))}`);
        for (const call of calls) {
            const query = new URLSearchParams(call.query ?? '');
            assert.equal(query.get('provider_config_key'), INTEGRATION);
            assert.ok(['true', 'false'].includes(query.get('force_refresh')), `query: ${call.query}`);
            assert.ok(query.has('refresh_token'), `query: ${call.query}`); // its value is masked in the journal
            assert.equal(query.get('refresh_github_app_jwt_token'), 'false');
            assert.match(header(call.headers, 'User-Agent') ?? '', /^nango-node-client\/0\.71\.4 /);
            // The SDK sets Nango-Is-Sync/-Script/-Dry-Run to the boolean false, and axios leaves out headers
            // whose value is false: by default none of the three reaches the server.
            for (const flag of ['Nango-Is-Sync', 'Nango-Is-Script', 'Nango-Is-Dry-Run']) {
                assert.equal(header(call.headers, flag), undefined, `${flag} is not sent`);
            }
        }
        const proxied = requests.filter((r) => r.path.includes('/nango/proxy/'));
        assert.ok(proxied.length > 0, 'the proxy calls are journaled');
        for (const call of proxied) {
            assert.equal(header(call.headers, 'Provider-Config-Key'), INTEGRATION);
            assert.equal(header(call.headers, 'Connection-Id'), CONNECTION);
            assert.equal(header(call.headers, 'Base-Url-Override'), '', 'the SDK always sends Base-Url-Override, empty when unset');
        }
    });
});
