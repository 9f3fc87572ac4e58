// `# METADATA` comment blocks: YAML documents attached to the statement that follows them,
// checked the way OPA checks them (scope against the kind of statement).

import { yamlLibrary } from '../lazy-libraries.ts';
import { RegoError } from '../errors.ts';
import type { Annotation, Location, Module, Rule } from '../ast/types.ts';
import type { Comment } from './lexer.ts';

/** A module statement in source order: what an annotation block can attach to. */
export interface Statement {
  line: number;
  node: 'package' | 'import' | Rule;
}

const SCOPES = new Set(['package', 'rule', 'document', 'subpackages']);

/**
 * Parses the module's METADATA blocks and attaches each to the first statement on a later line:
 * rule and document scopes to rules, package and subpackages scopes to the package clause.
 * Returns the errors found (none when all blocks attach).
 */
export function attachAnnotations(module: Module, statements: Statement[], comments: Comment[], file: string): RegoError[] {
  const errors: RegoError[] = [];
  for (const block of metadataBlocks(comments)) {
    let annotation: Annotation;
    try {
      annotation = parseBlock(block, file);
    } catch (e) {
      if (!(e instanceof RegoError)) throw e;
      errors.push(e);
      continue;
    }
    const stmt = statements.find((s) => s.line > block[0]!.line);
    const node = stmt?.node;
    const written = annotation.raw['scope'];
    const scope = written === undefined ? (node === undefined ? '' : typeof node === 'string' ? node : 'rule') : String(written);
    const fail = (msg: string) => errors.push(new RegoError('rego_parse_error', msg, annotation.loc));
    const have = node === undefined ? '' : ` (have ${typeof node === 'string' ? node : 'rule'})`;
    if (scope === 'rule' || scope === 'document') {
      if (typeof node === 'object') node.annotations.push({ ...annotation, scope: scope as Annotation['scope'] });
      else fail(`annotation scope '${scope}' must be applied to rule${have}`);
    } else if (scope === 'package' || scope === 'subpackages') {
      if (node === 'package') module.annotations.push({ ...annotation, scope: scope as Annotation['scope'] });
      else fail(`annotation scope '${scope}' must be applied to package${have}`);
    } else {
      fail(`invalid annotation scope '${scope}'`);
    }
  }
  return errors;
}

/** Groups comments into blocks: a `# METADATA` line and the column-1 comment lines below it. */
function metadataBlocks(comments: Comment[]): Comment[][] {
  const blocks: Comment[][] = [];
  let current: Comment[] | undefined;
  for (const c of comments) {
    const prev = current?.[current.length - 1];
    if (current && prev && c.line === prev.line + 1 && c.col === 1) {
      current.push(c);
      continue;
    }
    current = undefined;
    if (c.text.trim().startsWith('METADATA')) {
      current = [c];
      blocks.push(current);
    }
  }
  return blocks;
}

function parseBlock([first, ...lines]: Comment[], file: string): Annotation {
  const head = first as Comment;
  const loc = (c: Comment): Location => ({ file, line: c.line, col: c.col, offset: c.offset, end: c.end });
  const text = lines.map((c) => (c.text.startsWith(' ') ? c.text.slice(1) : c.text)).join('\n');
  if (text.trim() === '') throw new RegoError('rego_parse_error', 'expected METADATA block, found whitespace', loc(head));
  let doc: unknown;
  try {
    doc = yamlLibrary().parse(text);
  } catch (e) {
    if (!(e instanceof yamlLibrary().YAMLParseError)) throw e;
    // As OPA does, point at the comment line the YAML error names (counted from the block).
    const line = e.linePos?.[0]?.line;
    const at = line === undefined ? lines[0] : lines[Math.min(line, lines.length - 1)];
    const msg = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new RegoError('rego_parse_error', line === undefined ? `yaml: ${msg}` : `yaml: line ${line}: ${msg}`, loc(at ?? head));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new RegoError('rego_parse_error', 'yaml: METADATA block must be a mapping', loc(head));
  }
  const raw = doc as Record<string, unknown>;
  const annotation: Annotation = { raw, loc: { ...loc(head), end: (lines[lines.length - 1] ?? head).end } };
  if (typeof raw['scope'] === 'string' && SCOPES.has(raw['scope'])) annotation.scope = raw['scope'] as Annotation['scope'];
  if (typeof raw['title'] === 'string') annotation.title = raw['title'];
  if (typeof raw['description'] === 'string') annotation.description = raw['description'];
  if (typeof raw['entrypoint'] === 'boolean') annotation.entrypoint = raw['entrypoint'];
  const custom = raw['custom'];
  if (custom !== null && typeof custom === 'object' && !Array.isArray(custom)) annotation.custom = custom as Record<string, unknown>;
  return annotation;
}
