import { Type } from '@sinclair/typebox';
import { Nullable } from '../../http/schema.ts';

// Request and response shapes every workflow shares.

/** Why someone approved, rejected or cancelled: required where it decides something. */
export const Rationale = Type.String({ minLength: 3, maxLength: 2000 });

/** A path naming one workflow instance by its UUID. */
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });

export const Decide = Type.Object({ rationale: Rationale }, { additionalProperties: false });
export const MaybeDecide = Type.Object({ rationale: Type.Optional(Rationale) }, { additionalProperties: false });

export const HistoryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  transition: Type.String(),
  from_state: Nullable(Type.String()),
  to_state: Type.String(),
  rationale: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
