import { Type } from '@sinclair/typebox';

// A list paged with `before`: the id of the last row of the page before, as the list answered it.

export const Before = Type.Optional(Type.String({ format: 'uuid', description: 'next_before of the page before' }));
export const NextBefore = Type.Union([Type.String(), Type.Null()], { description: 'pass as before for the next (older) page; null on the last page' });

/** A full page may have a page after it: its last id is the `before` of the next. */
export const nextBefore = <T>(rows: T[], limit: number, id: (row: T) => string): string | null => (rows.length === limit && rows.length > 0 ? id(rows[rows.length - 1]!) : null);

/** How many rows a page holds. */
export const PageLimit = Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' }));
export const pageLimit = (q: { limit?: string | undefined }): number => Number(q.limit ?? 100);

// A list in id order paged with `after`: the id of the last row of the page before.

export const After = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'next_after of the page before' }));
export const NextAfter = Type.Union([Type.String(), Type.Null()], { description: 'pass as after for the next page; null on the last page' });
/** The same rule in id order: a full page's last id is the `after` of the next. */
export const nextAfter = nextBefore;
