import { Type } from '@sinclair/typebox';

// A list paged with `before`: the id of the last row of the page before, as the list answered it.

export const Before = Type.Optional(Type.String({ format: 'uuid', description: 'next_before of the page before' }));
export const NextBefore = Type.Union([Type.String(), Type.Null()], { description: 'pass as before for the next (older) page; null on the last page' });

/** A full page may have a page after it: its last id is the `before` of the next. */
export const nextBefore = <T>(rows: T[], limit: number, id: (row: T) => string): string | null => (rows.length === limit && rows.length > 0 ? id(rows[rows.length - 1]!) : null);
