// Parsing GraphQL text with the graphql package, reporting syntax errors in the words OPA's Go
// GraphQL library uses (OPA's error texts are part of its behaviour). Queries may hold only
// operations and fragments, schemas only type system definitions, as in that library.

import type { DocumentNode, GraphQLError, Source, Token } from 'graphql';
import { Kind } from 'graphql/language/kinds.js';
import { GraphQLProblem } from './errors.ts';
import { graphqlJs } from '../../lazy-libraries.ts';

const EXECUTABLE = new Set<string>([Kind.OPERATION_DEFINITION, Kind.FRAGMENT_DEFINITION]);

/** Parses a query (`executable`) or a schema document; an empty text is an empty document. */
export function parseText(text: string, executable: boolean): DocumentNode {
  const { GraphQLError, Source, TokenKind, parse } = graphqlJs();
  const source = new Source(text);
  let doc: DocumentNode;
  try {
    if (firstToken(source).kind === TokenKind.EOF) return { kind: Kind.DOCUMENT, definitions: [] };
    doc = parse(source, { allowLegacyFragmentVariables: true });
  } catch (e) {
    if (e instanceof GraphQLError) throw syntaxProblem(e, source);
    throw e;
  }
  for (const def of doc.definitions) {
    if (EXECUTABLE.has(def.kind) !== executable) {
      const token = def.loc?.startToken;
      throw new GraphQLProblem(
        `Unexpected ${token ? tokenText(token) : def.kind}`,
        token ? { line: token.line, column: token.column } : undefined,
      );
    }
  }
  return doc;
}

function firstToken(source: Source): Token {
  return new (graphqlJs().Lexer)(source).advance();
}

/** `Name "type"`, `{`, `<EOF>`: a token as the Go library names it in errors. */
function tokenText(t: Token): string {
  return t.value === undefined ? t.kind : `${t.kind} ${JSON.stringify(t.value)}`;
}

const CLOSERS: Record<string, string> = { '}': '{', ')': '(' };

/**
 * graphql-js quotes punctuators (`found "}"`) where the Go library does not, words a variable
 * in a constant as `Unexpected variable "$x" in constant value`, and reports an empty `{}` or
 * `()` list as a missing name; this rewrites its messages into the Go library's.
 */
function syntaxProblem(e: GraphQLError, source: Source): GraphQLProblem {
  const loc = e.locations?.[0];
  let msg = e.message.replace(/^Syntax Error: /, '').replace(/\.$/, '');
  if (/^Unexpected variable "\$[^"]*" in constant value$/.test(msg)) msg = 'Unexpected $';
  msg = msg.replace(/(Expected |found |Unexpected )"(\.\.\.|[!$&():=@[\]{|}])"/g, '$1$2');
  const empty = /^Expected .*, found ([})])$/.exec(msg);
  const pos = e.positions?.[0];
  if (empty && pos !== undefined && previousToken(source, pos)?.kind === CLOSERS[empty[1] as string]) {
    msg = `expected at least one definition, found ${empty[1]}`;
  }
  return new GraphQLProblem(msg, loc);
}

/** The token before the one starting at `pos` (undefined if none, or if lexing fails first). */
function previousToken(source: Source, pos: number): Token | undefined {
  const { Lexer, TokenKind } = graphqlJs();
  const lexer = new Lexer(source);
  let prev: Token | undefined;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF && t.start < pos; t = lexer.advance()) prev = t;
  } catch {
    return undefined;
  }
  return prev;
}
