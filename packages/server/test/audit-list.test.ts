import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const security = ['pilot-a', 'user-security'] as [string, string];
const start = '2026-03-02T09:00:00.000Z';

interface Page {
  events: { event_id: string; occurred_at: string; actor: string; action: string; type: string }[];
  next_cursor: string | null;
}

before(async () => {
  h = await createTestApp();
  // Six governed actions by two actors, one minute apart.
  for (let i = 0; i < 3; i++) {
    h.clock.advance(60_000);
    assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
    h.clock.advance(60_000);
    assert.equal((await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: ['pilot-a', 'user-engineer'] })).statusCode, 200);
  }
});
after(() => h.close());

const list = async (query: string): Promise<Page> => {
  const res = await h.call('GET', `/api/v1/audit-events?${query}`, { as: security });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Page;
};

test('filters by actor and by action', async () => {
  const byActor = await list('actor=user-engineer');
  assert.equal(byActor.events.length, 3);
  assert.ok(byActor.events.every((e) => e.actor === 'user-engineer' && e.action === 'tenant.config.get'));
  const byAction = await list('action=subject.list');
  assert.equal(byAction.events.length, 3);
  assert.ok(byAction.events.every((e) => e.actor === 'user-admin'));
  assert.deepEqual((await list('actor=user-admin&action=tenant.config.get')).events, []);
});

test('filters by a time window: from inclusive, to exclusive', async () => {
  const from = new Date(Date.parse(start) + 2 * 60_000).toISOString();
  const to = new Date(Date.parse(start) + 4 * 60_000).toISOString();
  const page = await list(`from=${from}&to=${to}&type=action.allowed`);
  assert.deepEqual(
    page.events.map((e) => e.occurred_at),
    [new Date(Date.parse(start) + 3 * 60_000).toISOString(), from],
  );
});

test('a cursor pages through every event once, newest first', async () => {
  // Reading the trail is audited too: fix the window so the pages do not chase their own events.
  h.clock.advance(60_000);
  const to = h.clock.now().toISOString();
  const all = await list(`limit=1000&to=${to}`);
  assert.ok(all.events.length >= 6);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = await list(`limit=2&to=${to}${cursor === null ? '' : `&cursor=${cursor}`}`);
    assert.ok(page.events.length <= 2);
    seen.push(...page.events.map((e) => e.event_id));
    cursor = page.next_cursor;
    pages++;
  } while (cursor !== null);
  assert.deepEqual(seen, all.events.map((e) => e.event_id));
  assert.equal(pages, Math.ceil(all.events.length / 2));
  const times = all.events.map((e) => e.occurred_at);
  assert.deepEqual([...times].sort().reverse(), times);
  assert.equal(all.next_cursor, null);
});

test('a filter holds across pages', async () => {
  const first = await list('actor=user-admin&limit=2');
  assert.equal(first.events.length, 2);
  assert.notEqual(first.next_cursor, null);
  const second = await list(`actor=user-admin&limit=2&cursor=${first.next_cursor}`);
  assert.equal(second.events.length, 1);
  assert.equal(second.events[0]!.actor, 'user-admin');
  assert.equal(second.next_cursor, null);
});

test('bad cursors, times and windows are 400 problems naming the field', async () => {
  for (const query of ['cursor=bm90LWEtY3Vyc29y', 'from=yesterday', `from=${start}&to=${start}`, 'actor=']) {
    const res = await h.call('GET', `/api/v1/audit-events?${query}`, { as: security });
    assert.equal(res.statusCode, 400, query);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
    assert.ok(Array.isArray(res.json().errors), query);
  }
});

test('a platform operator reads the platform audit trail, not a tenant one', async () => {
  const res = await h.call('GET', '/api/v1/audit-events?action=tenant.list', { as: ['internal', 'user-platform-operator'] });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok((res.json() as Page).events.every((e) => e.action === 'tenant.list'));
  const cross = await h.call('GET', '/api/v1/audit-events', { as: ['internal', 'user-platform-operator'], headers: { 'x-tenant-id': 'pilot-a' } });
  assert.equal(cross.statusCode, 403);
});
