import assert from 'node:assert/strict';
import type { TestApp } from './test-app.ts';

// The people of the subject purge tests (ADR 0029): pilot-a's leaver, who is purged, the security
// officer who asks, and the two who approve.

export const T = 'pilot-a';
export type As = [string, string];
export const security: As = [T, 'user-security'];
export const admin: As = [T, 'user-admin'];
export const officer: As = [T, 'user-dpo'];
export const leaver: As = [T, 'user-leaver'];
export const PSEUDONYM = /^pseudonym:[0-9a-f-]{36}$/;

/** Asks for the leaver's subject purge, has both approvers approve it, runs the job, and answers the finished request. */
export async function purgeLeaver(h: TestApp, rationale = 'erasure request'): Promise<{ purgeId: string; done: any }> {
  const created = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'subject', subject: 'user-leaver', rationale } });
  assert.equal(created.statusCode, 201, created.body);
  const purgeId = created.json().purge_id as string;
  for (const as of [admin, officer]) {
    const approved = await h.call('POST', `/api/v1/purge-requests/${purgeId}/approve`, { as, body: { rationale: 'approved' } });
    assert.equal(approved.statusCode, 200, approved.body);
  }
  await h.app.jobs.runDue();
  const done = (await h.call('GET', `/api/v1/purge-requests/${purgeId}`, { as: security })).json();
  assert.equal(done.status, 'done', JSON.stringify(done));
  return { purgeId, done };
}
