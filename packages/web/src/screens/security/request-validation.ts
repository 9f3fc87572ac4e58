// The request form's checks, the same the API applies, so mistakes are named before sending.

export interface RequestDraft {
  operation: string;
  database: string;
  schema: string;
  tables: string;
  duration: string;
  rationale: string;
}

export interface RequestBody {
  operation: string;
  target: { database: string; schema: string; tables: string[] };
  duration_minutes: number;
  rationale: string;
}

export type DraftErrors = Partial<Record<keyof RequestDraft, string>>;

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const OPERATION = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The table names of a comma- or space-separated list. */
export const tableNames = (text: string): string[] => text.split(/[\s,]+/).filter((t) => t !== '');

/** The body to send, or the message of each field that is wrong. */
export function validateDraft(d: RequestDraft): { body: RequestBody } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const tables = tableNames(d.tables);
  const minutes = Number(d.duration);
  if (!OPERATION.test(d.operation)) errors.operation = 'Upper-case letters, digits and underscores, e.g. TEMP_DB_READ_ACCESS.';
  if (d.database.trim() === '' || d.database.length > 63) errors.database = 'Name the database (at most 63 characters).';
  if (!IDENT.test(d.schema)) errors.schema = 'A lower-case identifier, e.g. public.';
  if (tables.length === 0) errors.tables = 'Name at least one table.';
  else if (tables.length > 50) errors.tables = 'At most 50 tables.';
  else if (!tables.every((t) => IDENT.test(t))) errors.tables = `Lower-case identifiers only; not ${tables.filter((t) => !IDENT.test(t)).join(', ')}.`;
  else if (new Set(tables).size !== tables.length) errors.tables = 'Each table once.';
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) errors.duration = 'A whole number of minutes from 1 to 1440 (the policy may allow less).';
  if (d.rationale.trim().length < 3) errors.rationale = 'Say why the access is needed (at least 3 characters).';
  else if (d.rationale.length > 2000) errors.rationale = 'At most 2000 characters.';
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { operation: d.operation, target: { database: d.database.trim(), schema: d.schema, tables }, duration_minutes: minutes, rationale: d.rationale.trim() } };
}
