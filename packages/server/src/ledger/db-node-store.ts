import { currentTenantId, currentTx } from '../context.ts';
import { runStatement, type Statement } from '../db/statement.ts';
import type { NodeKey, NodeReader, TreeNode } from './merkle/nodes.ts';

/** The current tenant's tree nodes in `ledger_nodes`: one query per proof; a step's new nodes are one write of its batch. */
export class DbNodeStore implements NodeReader {
  async getNodes(keys: readonly NodeKey[]): Promise<Array<Uint8Array | undefined>> {
    if (keys.length === 0) return [];
    const rows = await currentTx().query<{ ord: number; hash: Uint8Array }>(
      `SELECT k.ord::int AS ord, n.hash
       FROM unnest($2::int[], $3::bigint[]) WITH ORDINALITY AS k(level, idx, ord)
       JOIN ledger_nodes n ON n.tenant_id = $1 AND n.level = k.level AND n.idx = k.idx`,
      [currentTenantId(), keys.map((k) => k.level), keys.map((k) => k.index)],
    );
    const out: Array<Uint8Array | undefined> = new Array(keys.length).fill(undefined);
    for (const r of rows) out[r.ord - 1] = Buffer.from(r.hash);
    return out;
  }

  /** The write of new nodes, to batch with the step's other writes. */
  putNodesStatement(nodes: readonly TreeNode[]): Statement {
    return {
      sql: `INSERT INTO ledger_nodes (tenant_id, level, idx, hash)
       SELECT $1, level, idx, decode(hash, 'hex') FROM unnest($2::int[], $3::bigint[], $4::text[]) AS n(level, idx, hash)`,
      params: [currentTenantId(), nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => Buffer.from(n.hash).toString('hex'))],
    };
  }

  async putNodes(nodes: readonly TreeNode[]): Promise<void> {
    if (nodes.length === 0) return;
    await runStatement(this.putNodesStatement(nodes));
  }
}
