// A GraphQL document or schema that cannot be parsed, read or validated. The builtins report it
// the way OPA does: the message, then where in the GraphQL text the problem is.

import type { Pos } from './ir.ts';

export class GraphQLProblem extends Error {
  override name = 'GraphQLProblem';
  constructor(
    message: string,
    readonly pos?: Pos,
  ) {
    super(message);
  }

  /**
   * `Expected Name, found <EOF> in GraphQL string at location 1:2`. OPA drops the period that
   * ends most messages (not the `...` token of `Unexpected ...`); documents given as objects
   * have no locations, and then the message stands alone.
   */
  describe(): string {
    const msg = this.message.replace(/(?<!\.)\.$/, '');
    return this.pos === undefined ? msg : `${msg} in GraphQL string at location ${this.pos.line}:${this.pos.column}`;
  }
}
