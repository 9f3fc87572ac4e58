import { createRequire } from 'node:module';
import type { createTransport } from 'nodemailer';
import type { SmtpSettings } from '../config.ts';
import { enqueue, PermanentJobError, type JobRunner } from '../jobs/index.ts';
import { getInvitation, invitationStatus, type Invitation } from './invitation-store.ts';
import { getMail, insertMail, recordMailAttempt, settleMail, type MailStatus } from './invitation-mail-store.ts';

// Invitations are mailed through an outbox: the mail row is written with the invitation, and a
// durable job sends it over SMTP, retried with backoff, its state shown to the tenant's admins.

export const INVITATION_MAIL_JOB = 'portal.invitation.mail';
/** Attempts before a mail is given up (backoff 30 s, doubled each time: about 15 minutes in all). */
export const MAIL_ATTEMPTS = 6;
const MAIL_BACKOFF_MS = 30_000;
/** How long one SMTP conversation may stall before the attempt fails. */
const SMTP_TIMEOUT_MS = 20_000;

interface MailPayload {
  invitation_id: string;
  tenant_name: string;
}

interface MailSettings {
  consoleUrl: string;
  smtp: SmtpSettings | undefined;
}

let settings: MailSettings = { consoleUrl: 'http://127.0.0.1:8080', smtp: undefined };
type Transporter = ReturnType<typeof createTransport>;
let transport: Transporter | undefined;

/** Where the accept link of a mailed invitation points. */
export const acceptPath = (token: string): string => `/portal/accept#${token}`;

/**
 * Queues the invitation's mail in the current transaction (it exists only if the invitation
 * does); without SMTP settings the row says `not_configured` and the admin hands the link on.
 */
export async function queueInvitationMail(invitation: Invitation, token: string, tenantName: string, now: Date): Promise<MailStatus> {
  if (settings.smtp === undefined) return insertMail(invitation.invitation_id, undefined, now);
  const status = await insertMail(invitation.invitation_id, `${settings.consoleUrl}${acceptPath(token)}`, now);
  await enqueue(INVITATION_MAIL_JOB, { invitation_id: invitation.invitation_id, tenant_name: tenantName } satisfies MailPayload, { now, idempotencyKey: invitation.invitation_id, maxAttempts: MAIL_ATTEMPTS });
  return status;
}

function invitationText(i: Invitation, tenantName: string, acceptUrl: string): { subject: string; text: string } {
  const role = i.role === 'auditor' ? 'an auditor' : 'a partner';
  return {
    subject: `${tenantName} invites you to its trust portal`,
    text: [
      `${tenantName} invites you to view its trust portal as ${role} (purpose: ${i.purpose}).`,
      '',
      'Open this link to accept; it works once and signs you in:',
      acceptUrl,
      '',
      `The invitation expires at ${i.expires_at}. If you did not expect it, ignore this mail.`,
      '',
    ].join('\n'),
  };
}

// The mail library is loaded on the first mail sent, not by every process that loads the app.
const require = createRequire(import.meta.url);

function smtpTransport(smtp: SmtpSettings): Transporter {
  const { createTransport } = require('nodemailer') as typeof import('nodemailer');
  // No logger: the conversation carries the accept link, whose token must never reach a log.
  transport ??= createTransport({ url: smtp.url, logger: false, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  return transport;
}

/** Sets the mail settings and registers the delivery job with the app's runner. */
export function installInvitationMail(runner: JobRunner, s: MailSettings): void {
  transport?.close();
  transport = undefined;
  settings = { consoleUrl: s.consoleUrl, smtp: s.smtp };
  runner.register<MailPayload>(INVITATION_MAIL_JOB, {
    backoffMs: MAIL_BACKOFF_MS,
    run: async ({ invitation_id: id, tenant_name: tenantName }, ctx) => {
      const found = await ctx.tx(async () => {
        const mail = await getMail(id);
        const invitation = await getInvitation(id);
        if (mail?.state !== 'queued' || invitation === undefined) return undefined;
        const status = invitationStatus(invitation, ctx.clock.now());
        // Revoked, expired or accepted meanwhile: the link must not go out any more.
        if (status !== 'pending') {
          await settleMail(id, { state: 'cancelled', reason: `the invitation is ${status}` }, ctx.clock.now());
          return undefined;
        }
        return { invitation, acceptUrl: mail.accept_url! };
      });
      if (found === undefined) return;
      const smtp = settings.smtp;
      if (smtp === undefined) throw new PermanentJobError('COMPANYOS_SMTP_URL is no longer set: the mail cannot be sent');
      const { subject, text } = invitationText(found.invitation, tenantName, found.acceptUrl);
      let messageId: string | null;
      try {
        const info = (await smtpTransport(smtp).sendMail({ from: smtp.from, to: found.invitation.email, subject, text })) as { messageId?: string };
        messageId = info.messageId ?? null;
      } catch (err) {
        const error = mailError(err);
        await ctx.tx(() => recordMailAttempt(id, error, ctx.clock.now()));
        throw new Error(error);
      }
      await ctx.tx(() => settleMail(id, { state: 'sent', messageId }, ctx.clock.now()));
    },
    onFailed: async ({ invitation_id: id }, error, { now }) => {
      await settleMail(id, { state: 'failed', error }, now);
    },
  });
}

/** What an attempt's failure says, short: the SMTP answer or the network error, never the message. */
function mailError(err: unknown): string {
  const e = err as { response?: unknown; code?: unknown; message?: unknown };
  const text = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(err);
  return `${typeof e.code === 'string' ? `${e.code}: ` : ''}${text}`.slice(0, 500);
}
