// JSON output with exact numbers (BigNum text is kept) and optional indentation.

import { isArray, isObject, isSet, toJSONText, type Value } from '../value/value.ts';

export function jsonText(v: Value, indent = 0, depth = 0): string {
  if (indent === 0) return toJSONText(v);
  const pad = ' '.repeat(indent * (depth + 1));
  const close = ' '.repeat(indent * depth);
  if (isArray(v) || isSet(v)) {
    const items = isSet(v) ? v.values() : v;
    if (items.length === 0) return '[]';
    return `[\n${items.map((item) => pad + jsonText(item, indent, depth + 1)).join(',\n')}\n${close}]`;
  }
  if (isObject(v)) {
    if (v.size === 0) return '{}';
    const entries = v
      .entries()
      .map(([k, val]) => `${pad}${JSON.stringify(typeof k === 'string' ? k : toJSONText(k))}: ${jsonText(val, indent, depth + 1)}`);
    return `{\n${entries.join(',\n')}\n${close}}`;
  }
  return toJSONText(v);
}
