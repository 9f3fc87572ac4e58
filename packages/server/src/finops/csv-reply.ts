import { RawReply } from '../pipeline/define-action.ts';

/** A CSV file as an action's reply (the receipt is written all the same). */
export const csvReply = (filename: string, body: string): RawReply =>
  new RawReply(body, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
