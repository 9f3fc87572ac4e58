import { currentTenantId, currentTx } from '../context.ts';

// The outbox of invitation mail: one row per invitation, written in the transaction that creates
// the invitation. The accept link (it carries the single-use token) stays only while queued.

export type MailState = 'queued' | 'sent' | 'failed' | 'cancelled' | 'not_configured';

/** What the tenant's admins see of an invitation's mail. */
export interface MailStatus {
  state: MailState;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
}

/** A queued mail as the delivery job reads it. */
export interface QueuedMail extends MailStatus {
  invitation_id: string;
  accept_url: string | null;
}

type Row = Omit<QueuedMail, 'sent_at'> & { sent_at: Date | string | null };

const toMail = (r: Row): QueuedMail => ({ ...r, sent_at: r.sent_at === null ? null : new Date(r.sent_at).toISOString() });

/** The status alone: the link never leaves the outbox but in the mail. */
export const statusOf = ({ state, attempts, last_error, sent_at }: MailStatus): MailStatus => ({ state, attempts, last_error, sent_at });

export async function insertMail(invitationId: string, acceptUrl: string | undefined, at: Date): Promise<MailStatus> {
  const state: MailState = acceptUrl === undefined ? 'not_configured' : 'queued';
  await currentTx().query(
    `INSERT INTO portal_invitation_mail (tenant_id, invitation_id, state, accept_url, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
    [currentTenantId(), invitationId, state, acceptUrl ?? null, at.toISOString()],
  );
  return { state, attempts: 0, last_error: null, sent_at: null };
}

export async function getMail(invitationId: string, lock = false): Promise<QueuedMail | undefined> {
  const rows = await currentTx().query<Row>(
    `SELECT invitation_id, state, accept_url, attempts, last_error, sent_at FROM portal_invitation_mail WHERE tenant_id = $1 AND invitation_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [currentTenantId(), invitationId],
  );
  return rows[0] === undefined ? undefined : toMail(rows[0]);
}

/** The mail status of the tenant's invitations, by invitation (invitations made before the outbox have none). */
export async function mailStatuses(): Promise<Map<string, MailStatus>> {
  const rows = await currentTx().query<Row>(`SELECT invitation_id, state, accept_url, attempts, last_error, sent_at FROM portal_invitation_mail WHERE tenant_id = $1`, [currentTenantId()]);
  return new Map(rows.map((r) => [r.invitation_id, statusOf(toMail(r))]));
}

/** A failed attempt of a queued mail: counted, with its error; the link stays for the next attempt. */
export async function recordMailAttempt(invitationId: string, error: string, at: Date): Promise<void> {
  await currentTx().query(
    `UPDATE portal_invitation_mail SET attempts = attempts + 1, last_error = $3, updated_at = $4 WHERE tenant_id = $1 AND invitation_id = $2 AND state = 'queued'`,
    [currentTenantId(), invitationId, error, at.toISOString()],
  );
}

/** Ends a queued mail: sent (one more attempt counted), failed for good, or cancelled. The link is dropped. */
export async function settleMail(
  invitationId: string,
  outcome: { state: 'sent'; messageId: string | null } | { state: 'failed'; error: string } | { state: 'cancelled'; reason: string },
  at: Date,
): Promise<boolean> {
  const rows = await currentTx().query(
    `UPDATE portal_invitation_mail SET state = $3, accept_url = NULL, updated_at = $4,
       attempts = attempts + (CASE WHEN $3::text = 'sent' THEN 1 ELSE 0 END),
       sent_at = CASE WHEN $3 = 'sent' THEN $4::timestamptz END,
       message_id = $5,
       last_error = CASE WHEN $3 = 'sent' THEN NULL ELSE $6::text END
     WHERE tenant_id = $1 AND invitation_id = $2 AND state = 'queued' RETURNING 1`,
    [
      currentTenantId(),
      invitationId,
      outcome.state,
      at.toISOString(),
      outcome.state === 'sent' ? outcome.messageId : null,
      outcome.state === 'failed' ? outcome.error : outcome.state === 'cancelled' ? outcome.reason : null,
    ],
  );
  return rows.length === 1;
}
