import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BigNum, compare, equal, parseJSON, parseNumber, RObject, RSet, toJS, type Value } from './value.ts';

const keysOf = (o: RObject): Value[] => o.entries().map(([k]) => k);

describe('RObject', () => {
  it('finds, replaces and sorts string keys while small', () => {
    const o = new RObject().set('b', 1).set('a', 2).set('c', 3).set('b', 4);
    assert.equal(o.size, 3);
    assert.equal(o.getStr('b'), 4);
    assert.equal(o.get('a'), 2);
    assert.equal(o.has('c'), true);
    assert.equal(o.has('d'), false);
    assert.equal(o.getStr('d'), undefined);
    assert.deepEqual(keysOf(o), ['a', 'b', 'c']);
    assert.deepEqual(o.values(), [2, 4, 3]);
  });

  it('keeps every entry when it grows past the small size', () => {
    const o = new RObject();
    const names = Array.from({ length: 20 }, (_, i) => `k${String(19 - i).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) o.set(name, i);
    o.set([1], 'array key').set(7, 'number key');
    o.set('k05', 'replaced');
    assert.equal(o.size, 22);
    assert.equal(o.getStr('k19'), 0);
    assert.equal(o.getStr('k05'), 'replaced');
    assert.equal(o.get([1]), 'array key');
    assert.equal(o.get(7), 'number key');
    assert.equal(o.get('7'), undefined);
    const keys = keysOf(o);
    assert.equal(keys[0], 7);
    assert.equal(keys[1], 'k00');
    assert.deepEqual(keys[21], [1]);
    assert.deepEqual(keys.slice(1, 21), [...names].sort());
  });

  it('matches non-string keys by value, not identity, in both sizes', () => {
    const small = new RObject().set([1, 'a'], 'x').set(new RSet(['p', 'q']), 'y').set(null, 'z');
    assert.equal(small.get([1, 'a']), 'x');
    assert.equal(small.get(new RSet(['q', 'p'])), 'y');
    assert.equal(small.get(null), 'z');
    small.set([1, 'a'], 'x2');
    assert.equal(small.size, 3);
    assert.equal(small.get([1, 'a']), 'x2');

    const large = RObject.from(Array.from({ length: 12 }, (_, i): [Value, Value] => [[i], i]));
    assert.equal(large.get([11]), 11);
    assert.equal(large.get([12]), undefined);
    assert.equal(large.get('11'), undefined);
  });

  it('keeps a string key starting with NUL apart from non-string keys', () => {
    for (const extra of [0, 10]) {
      const o = new RObject();
      for (let i = 0; i < extra; i++) o.set(`pad${i}`, i);
      o.set('\u0000\u00011', 'string').set(1, 'number');
      assert.equal(o.get('\u0000\u00011'), 'string');
      assert.equal(o.get(1), 'number');
      assert.equal(o.size, extra + 2);
    }
  });

  it('builds from distinct string keys, records and JS data at both sizes', () => {
    const small = RObject.fromStringKeys(['y', 'x'], [1, 2]);
    assert.deepEqual(keysOf(small), ['x', 'y']);
    const big = RObject.fromRecord(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`n${i}`, i])));
    assert.equal(big.size, 30);
    assert.equal(big.getStr('n29'), 29);
    assert.deepEqual(toJS(big), Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`n${i}`, i])));
  });

  it('compares equal objects built in different orders and sizes', () => {
    const entries: [Value, Value][] = Array.from({ length: 10 }, (_, i) => [`k${i}`, i]);
    const a = RObject.from(entries);
    const b = RObject.from([...entries].reverse());
    assert.equal(equal(a, b), true);
    assert.equal(compare(a, RObject.from(entries.slice(0, 9))), 1);
    assert.equal(equal(new RObject().set('a', 1), new RObject().set('a', 2)), false);
  });
});

describe('RSet', () => {
  it('holds scalars and composites once each, by value', () => {
    const s = new RSet();
    assert.equal(s.add('a'), true);
    assert.equal(s.add('a'), false);
    assert.equal(s.add(1), true);
    assert.equal(s.add(1.5), true);
    assert.equal(s.add(1.5), false);
    assert.equal(s.add([1, 2]), true);
    assert.equal(s.add([1, 2]), false);
    assert.equal(s.add(new RObject().set('k', 'v')), true);
    assert.equal(s.add(null), true);
    assert.equal(s.add(false), true);
    assert.equal(s.size, 7);
    assert.equal(s.has([1, 2]), true);
    assert.equal(s.has(1.5), true);
    assert.equal(s.has('1'), false);
    assert.deepEqual(s.values().map(toJS), [null, false, 1, 1.5, 'a', [1, 2], { k: 'v' }]);
  });

  it('treats a big integer and the double of the same value as one member', () => {
    const big = parseNumber('1' + '0'.repeat(300));
    assert.ok(big instanceof BigNum);
    const s = new RSet([big]);
    assert.equal(s.has(1e300), true);
    assert.equal(s.add(1e300), false);
  });

  it('lists members unordered until sorted, and again after an addition', () => {
    const s = new RSet(['c', 'a']);
    assert.deepEqual([...s.unorderedValues()].sort(), ['a', 'c']);
    s.add('b');
    assert.deepEqual([...s.unorderedValues()].sort(), ['a', 'b', 'c']);
    assert.deepEqual(s.values(), ['a', 'b', 'c']);
    assert.deepEqual(s.unorderedValues(), ['a', 'b', 'c']);
    s.add([0]);
    assert.deepEqual(s.unorderedValues(), ['a', 'b', 'c', [0]]);
  });

  it('sorts long sets as short ones', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${(i * 7) % 40}`);
    assert.deepEqual(new RSet(words).values(), [...new Set(words)].sort());
    assert.deepEqual(new RSet([3, 1, 2]).values(), [1, 2, 3]);
  });
});

describe('parseJSON', () => {
  it('refuses nesting deeper than the engine walks, with a syntax error', () => {
    assert.throws(() => parseJSON('['.repeat(20_000) + ']'.repeat(20_000)), /nesting deeper than 256 levels/);
    assert.deepEqual(toJS(parseJSON('['.repeat(200) + ']'.repeat(200))), JSON.parse('['.repeat(200) + ']'.repeat(200)));
  });
  it('keeps the last of repeated keys in small and large objects', () => {
    const small = parseJSON('{"a": 1, "b": 2, "a": 3}') as RObject;
    assert.equal(small.size, 2);
    assert.equal(small.getStr('a'), 3);
    const fields = Array.from({ length: 12 }, (_, i) => `"f${i}": ${i}`).join(', ');
    const large = parseJSON(`{${fields}, "f3": "again"}`) as RObject;
    assert.equal(large.size, 12);
    assert.equal(large.getStr('f3'), 'again');
    assert.equal(large.getStr('f11'), 11);
  });

  it('reads repeated, long and escaped strings', () => {
    const long = 'a fairly long string value';
    const v = parseJSON(JSON.stringify({ xs: [long, long, 'short', 'tab\there', '\u0000nul'], [long]: long }));
    assert.deepEqual(toJS(v), { xs: [long, long, 'short', 'tab\there', '\u0000nul'], [long]: long });
  });

  it('reads arrays of every size exactly', () => {
    for (const n of [0, 1, 17, 100]) {
      const xs = Array.from({ length: n }, (_, i) => i);
      assert.deepEqual(parseJSON(JSON.stringify(xs)), xs);
    }
  });
});
