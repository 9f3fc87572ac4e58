import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { createLogger } from '../src/logger.ts';
import { MAIL_ATTEMPTS } from '../src/portal/invitation-mail.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Invitations are mailed through the outbox by a real SMTP conversation with a local server.
const CONSOLE = 'https://console.example.test';
const admin: [string, string] = ['pilot-a', 'user-admin'];
const received: Array<{ to: string[]; text: string }> = [];
let smtp: SMTPServer;
let h: TestApp;
let logged = '';

/** The message body as written, quoted-printable soft breaks and escapes undone. */
const unquote = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.endsWith('@refused.example.com')) return callback();
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: unquote(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  // Every log line at debug, kept to prove the token never reaches one.
  const destination = new Writable({ write: (chunk: Buffer, _enc, done) => ((logged += chunk.toString()), done()) });
  h = await createTestApp({
    ledgerBackground: false,
    jobsBackground: false,
    logger: createLogger({ level: 'debug', destination }),
    config: { consoleUrl: CONSOLE, smtp: { url: `smtp://127.0.0.1:${port}`, from: 'CompanyOS <portal@example.test>' } },
  });
});
after(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const inAYear = () => new Date(h.clock.now().getTime() + 365 * 86_400_000).toISOString();

async function invite(email: string): Promise<{ id: string; token: string; mail: Record<string, unknown> }> {
  const res = await h.call('POST', '/api/v1/portal/invitations', { as: admin, body: { email, role: 'auditor', expires_at: inAYear() } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().invitation.invitation_id, token: res.json().token, mail: res.json().invitation.mail };
}

async function mailOf(id: string): Promise<{ state: string; attempts: number; last_error: string | null; sent_at: string | null }> {
  const listed = await h.call('GET', '/api/v1/portal/invitations', { as: admin });
  return listed.json().invitations.find((i: { invitation_id: string }) => i.invitation_id === id).mail;
}

const storedLink = (id: string) =>
  withTenantTransaction(h.t.db, 'pilot-a', async () => (await currentTx().query<{ accept_url: string | null }>('SELECT accept_url FROM portal_invitation_mail WHERE tenant_id = $1 AND invitation_id = $2', ['pilot-a', id]))[0]!.accept_url);

test('an invitation is mailed with its accept link, and the link signs the viewer in', async () => {
  const invited = await invite('mailed@audit.example.com');
  assert.deepEqual(invited.mail, { state: 'queued', attempts: 0, last_error: null, sent_at: null });
  assert.equal(await storedLink(invited.id), `${CONSOLE}/portal/accept#${invited.token}`, 'the outbox keeps the link until it is sent');

  await h.app.jobs.runDue();
  const message = received.find((m) => m.to.includes('mailed@audit.example.com'));
  assert.ok(message, 'the local SMTP server received the mail');
  assert.match(message.text, /Pilot A invites you/);
  const link = message.text.match(/(https:\/\/console\.example\.test\/portal\/accept#(\S+))/);
  assert.ok(link, message.text);
  const mail = await mailOf(invited.id);
  assert.equal(mail.state, 'sent');
  assert.equal(mail.attempts, 1);
  assert.ok(mail.sent_at !== null);
  assert.equal(await storedLink(invited.id), null, 'a sent mail no longer keeps the link');

  const accepted = await h.app.inject({ method: 'POST', url: '/api/v1/portal/invitations/accept', headers: { authorization: `Bearer ${link[2]}` }, payload: {} });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const session = await h.app.inject({ method: 'GET', url: '/api/v1/portal/session', headers: { authorization: `Bearer ${accepted.json().sign_in}` } });
  assert.equal(session.json().viewer.email, 'mailed@audit.example.com');
  assert.ok(!logged.includes(invited.token) && !logged.includes(invited.token.split('.').at(-1)!), 'the token is in no log line');
});

test('a refusing server: the mail is retried with backoff, then failed with the last error', async () => {
  const invited = await invite('nobody@refused.example.com');
  await h.app.jobs.runDue();
  let mail = await mailOf(invited.id);
  assert.equal(mail.state, 'queued', 'a refusal is retried');
  assert.equal(mail.attempts, 1);
  assert.match(mail.last_error ?? '', /550/);
  // Nothing more is tried before the backoff has passed.
  await h.app.jobs.runDue();
  assert.equal((await mailOf(invited.id)).attempts, 1);

  for (let attempt = 2; attempt <= MAIL_ATTEMPTS; attempt++) {
    h.clock.advance(3_600_000);
    await h.app.jobs.runDue();
    assert.equal((await mailOf(invited.id)).attempts, attempt);
  }
  mail = await mailOf(invited.id);
  assert.equal(mail.state, 'failed');
  assert.match(mail.last_error ?? '', /550/);
  assert.equal(mail.sent_at, null);
  assert.equal(await storedLink(invited.id), null, 'a failed mail no longer keeps the link');
  assert.ok(!received.some((m) => m.to.includes('nobody@refused.example.com')));
  assert.ok(!logged.includes(invited.token.split('.').at(-1)!), 'the token is in no log line');
});

test('an invitation revoked before its mail goes out is never mailed', async () => {
  const invited = await invite('revoked@audit.example.com');
  const revoked = await h.call('POST', `/api/v1/portal/invitations/${invited.id}/revoke`, { as: admin });
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.equal(revoked.json().invitation.mail.state, 'cancelled');
  await h.app.jobs.runDue();
  assert.ok(!received.some((m) => m.to.includes('revoked@audit.example.com')));
  assert.equal(await storedLink(invited.id), null);
});

test("another tenant neither sees nor cancels a tenant's queued mail", async () => {
  const invited = await invite('walled@audit.example.com');
  const otherAdmin: [string, string] = ['pilot-b', 'user-admin'];
  const listed = await h.call('GET', '/api/v1/portal/invitations', { as: otherAdmin });
  assert.ok(!listed.body.includes(invited.id) && !listed.body.includes('walled@audit.example.com'));
  const revoke = await h.call('POST', `/api/v1/portal/invitations/${invited.id}/revoke`, { as: otherAdmin });
  assert.ok([403, 404].includes(revoke.statusCode), revoke.body);
  // pilot-b's transaction sees no row of pilot-a's outbox.
  const seen = await withTenantTransaction(h.t.db, 'pilot-b', async () => (await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM portal_invitation_mail WHERE invitation_id = $1', [invited.id]))[0]!.n);
  assert.equal(seen, 0);
  assert.equal((await mailOf(invited.id)).state, 'queued');
  await h.app.jobs.runDue();
  assert.equal((await mailOf(invited.id)).state, 'sent');
});
