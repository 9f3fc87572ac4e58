import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { defineAction, RawReply } from '../pipeline/define-action.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import { sha256Hex } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import { computeFigures } from './board-figures.ts';
import { inputDigests, readBoardInputs, type InputName } from './board-inputs.ts';
import { observeTimeToPack } from './board-metrics.ts';
import { renderBoardPdf } from './board-pdf.ts';
import { insertBoardPack, listBoardPacks } from './board-store.ts';
import { parsePeriod, PERIOD_SYNTAX, PeriodError, type Period } from './period.ts';

/** Response headers of a board pack: its id, the PDF's digest, the input digests (name=hex, comma-separated). */
export const BOARD_PACK_HEADERS = { id: 'x-board-pack-id', sha256: 'x-board-pack-sha256', inputs: 'x-board-pack-inputs', ms: 'x-board-pack-ms' } as const;

/** A period a request names (in its body or query), or a 400 that gives the syntax. */
export function requestedPeriod(text: string, now: Date, where: 'body' | 'query' = 'body'): Period {
  try {
    return parsePeriod(text, now);
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    throw new Problem('invalid-request', e.message, { errors: [{ in: where, field: 'period', message: `must be ${PERIOD_SYNTAX}` }] });
  }
}

const platformTenants = (): string[] => (policyRuntime().engine.base.data as { platform_tenants?: string[] }).platform_tenants ?? [];

const origin = (headers: Record<string, string | string[] | undefined>): string => {
  const host = typeof headers.host === 'string' ? headers.host : 'localhost';
  const proto = headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
};

export const createBoardPack = defineAction({
  name: 'board.pack.create',
  method: 'POST',
  path: '/board-packs',
  summary: 'Generate the board pack PDF of a period from stored data; its SHA-256 and the digests of its inputs go into the receipt',
  scope: 'platform',
  input: Type.Object({ period: Type.String({ minLength: 1, maxLength: 32, description: PERIOD_SYNTAX }) }, { additionalProperties: false }),
  target: (_ctx, input) => `board-pack-period:${input.period.trim()}`,
  run: async (ctx, input) => {
    const started = performance.now();
    const p = requestedPeriod(input.period, ctx.now);
    const inputs = await readBoardInputs(p, platformTenants());
    const readMs = Math.round(performance.now() - started);
    const digests = inputDigests(p, inputs);
    const figures = computeFigures(inputs, p);
    const generatedBy = `${ctx.principal.subjectId} (${ctx.tenantId})`;
    const pdf = await renderBoardPdf({ period: p, figures, digests, generatedAt: ctx.now, generatedBy, baseUrl: origin(ctx.headers), readMs });
    const sha256 = sha256Hex(pdf);
    const durationMs = Math.round(performance.now() - started);
    const packId = uuidv7();
    await insertBoardPack({
      pack_id: packId,
      period: p.text,
      period_from: p.from.toISOString(),
      period_to: p.to.toISOString(),
      sha256,
      inputs: digests,
      duration_ms: durationMs,
      created_by: ctx.principal.subjectId,
      created_at: ctx.now.toISOString(),
    });
    observeTimeToPack(durationMs / 1000);
    return new RawReply(pdf, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="board-${p.text}.pdf"`,
      [BOARD_PACK_HEADERS.id]: packId,
      [BOARD_PACK_HEADERS.sha256]: sha256,
      [BOARD_PACK_HEADERS.inputs]: Object.entries(digests).map(([k, v]) => `${k}=${v}`).join(','),
      [BOARD_PACK_HEADERS.ms]: String(durationMs),
    });
  },
  // The receipt names the PDF by its digest and every input it was computed from.
  evidenceRefs: (_ctx, _input, _resource, reply) => {
    const h = reply.headers;
    const inputs = h[BOARD_PACK_HEADERS.inputs]!.split(',').map((pair) => pair.split('=') as [InputName, string]);
    return [`board-pack:${h[BOARD_PACK_HEADERS.id]}`, `board-pack-pdf:sha256:${h[BOARD_PACK_HEADERS.sha256]}`, ...inputs.map(([name, hex]) => `board-input:${name}:sha256:${hex}`)];
  },
});

const BoardPackView = Type.Object({
  pack_id: Type.String(),
  period: Type.String(),
  period_from: Type.String({ format: 'date-time' }),
  period_to: Type.String({ format: 'date-time', description: 'exclusive' }),
  sha256: Type.String(),
  inputs: Type.Record(Type.String(), Type.String(), { description: 'input name to the SHA-256 of its canonical JSON' }),
  duration_ms: Type.Integer({ description: 'time to pack' }),
  created_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});

export const listBoardPacksAction = defineAction({
  name: 'board.pack.list',
  method: 'GET',
  path: '/board-packs',
  summary: 'The board packs generated so far, newest first, with their digests and time to pack',
  scope: 'platform',
  query: Type.Object({ limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })) }, { additionalProperties: false }),
  response: Type.Object({ board_packs: Type.Array(BoardPackView) }),
  run: async (ctx) => ({ board_packs: await listBoardPacks(Number(ctx.query.limit ?? 50)) }),
});

export const boardActions = [createBoardPack, listBoardPacksAction];
