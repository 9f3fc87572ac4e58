// YAML → Value with exact numbers. The conformance cases hold integers beyond 2^64 and decimals
// a double cannot represent, so numbers are rebuilt from their source text instead of the
// parser's JS number. Map keys become strings, as OPA's YAML-to-JSON conversion does.

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { fromJS, parseNumber, RObject, type Value } from '../value/value.ts';

const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Parses one YAML document into a Value. Throws on YAML syntax errors. */
export function parseYamlValue(text: string): Value {
  const doc = parseDocument(text, { intAsBigInt: true });
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.contents === null ? null : nodeToValue(doc.contents as Node);
}

function nodeToValue(node: Node): Value {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number' || typeof v === 'bigint') {
      const src = node.source;
      if (typeof src === 'string' && NUMBER_TEXT.test(src)) return parseNumber(src);
    }
    return fromJS(v);
  }
  if (isSeq(node)) return node.items.map((item) => nodeToValue(item as Node));
  if (isMap(node)) {
    const o = new RObject();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyText =
        key === null
          ? ''
          : isScalar(key)
            ? typeof key.value === 'string'
              ? key.value
              : String(key.source ?? key.value)
            : JSON.stringify(key.toJSON());
      o.set(keyText, pair.value === null ? null : nodeToValue(pair.value as Node));
    }
    return o;
  }
  if (isAlias(node)) throw new Error('YAML aliases are not supported in case files');
  return null;
}
