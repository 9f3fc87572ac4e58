// Entry points of the Rego parser. Each throws RegoErrors holding a `rego_parse_error`.

import { RegoError, RegoErrors } from '../errors.ts';
import type { Body, Module, Term } from '../ast/types.ts';
import { Lexer } from './lexer.ts';
import { ModuleParser } from './module-parser.ts';

export { operatorName } from './parser.ts';
export { termText, exprText, bodyText, ruleText } from './print.ts';

/** Parses a module (`package ...` followed by imports and rules). */
export function parseModule(source: string, file: string): Module {
  return guard(() => {
    const { tokens, comments } = Lexer.scan(source, file);
    return new ModuleParser(tokens, file).module(source, comments);
  });
}

/** Parses a query: literals separated by `;` or line breaks. */
export function parseQuery(source: string, file = 'query'): Body {
  return guard(() => new ModuleParser(Lexer.scan(source, file).tokens, file).query());
}

/** Parses a single term such as `{"x": 1}` or `[1, {2}]`. */
export function parseTerm(source: string, file = 'term'): Term {
  return guard(() => new ModuleParser(Lexer.scan(source, file).tokens, file).term());
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RegoError) throw new RegoErrors([e]);
    throw e;
  }
}
