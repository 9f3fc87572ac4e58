import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRoster, REQUIRED_COLUMNS } from './roster.ts';

const plans = (id: string) => ['pro', 'enterprise'].includes(id);
const HEADER = 'id,name,region,owner,admin,webhook_url,plan';
const good = (id: string) => `${id},Partner ${id},eu,owner@${id}.example.com,admin-${id},https://hooks.${id}.example.com/companyos,pro`;

test('a good file gives one row per tenant, with defaults for the optional columns', () => {
  const { rows, errors } = parseRoster(`${HEADER},env\n${good('acme')},staging\n\n${good('globex')},\n`, plans);
  assert.deepEqual(errors, []);
  assert.deepEqual(rows.map((r) => [r.line, r.id, r.env, r.admin_name]), [[2, 'acme', 'staging', 'admin-acme'], [4, 'globex', 'prod', 'admin-globex']]);
});

test('the whole file is validated first: every bad row is named with its line and column', () => {
  const text = [HEADER, good('acme'), 'Bad_Id,X,mars,not-an-email,admin,ftp://x.example.com,gold', good('acme'), good('ok-two')].join('\n');
  const { rows, errors } = parseRoster(text, plans);
  assert.deepEqual(rows, []);
  assert.deepEqual(errors.map((e) => `${e.line}:${e.column}`), ['3:id', '3:region', '3:owner', '3:webhook_url', '3:plan', '4:id']);
  assert.match(errors.at(-1)!.message, /tenant acme is already on line 2/);
});

test('header mistakes, an empty file and broken CSV are named', () => {
  assert.deepEqual(parseRoster('', plans).errors.map((e) => e.line), [1]);
  assert.match(parseRoster(`${HEADER}\n`, plans).errors[0]!.message, /no tenants/);
  const header = parseRoster('id,name,regoin,owner,admin,webhook_url,plan\n', plans).errors.map((e) => e.message);
  assert.ok(header.includes('the header lacks the column region'));
  assert.ok(header.some((m) => m.startsWith('unknown column "regoin"')));
  const broken = parseRoster(`${HEADER}\n${good('acme')}\nx,"unclosed,eu\n`, plans);
  assert.equal(broken.rows.length, 0);
  assert.equal(broken.errors.length, 1);
  const short = parseRoster(`${HEADER}\n${good('acme')}\nonly,three,fields\n`, plans);
  assert.equal(short.errors[0]!.line, 3);
});

// Any text at all: the parser answers with rows or with errors naming lines in the file, never throws.
test('property: arbitrary input never throws, and errors name lines of the file', () => {
  const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '"', '""', ',', '\n', 'eu', 'pro', 'https://x.example.com', 'a@b.example.com', 'acme'));
  const row = fc.array(cell, { minLength: 0, maxLength: 9 }).map((cells) => cells.join(','));
  const file = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(row, { maxLength: 8 }).map((rs) => [HEADER, ...rs].join('\n')),
    fc.array(fc.constantFrom(...REQUIRED_COLUMNS, 'env', 'x'), { maxLength: 9 }).map((h) => `${h.join(',')}\n${good('acme')}`),
  );
  fc.assert(
    fc.property(file, (text) => {
      const { rows, errors } = parseRoster(text, plans);
      const lines = text.split(/\r\n|\r|\n/).length + 1;
      assert.ok((rows.length === 0) !== (errors.length === 0) || (rows.length === 0 && errors.length > 0));
      for (const e of errors) assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, JSON.stringify(e));
    }),
    { numRuns: 400 },
  );
});

test('property: well-formed rows are accepted, and one broken field is found on its line', () => {
  // Ids that also make valid host names in the generated owner address and webhook URL: a label
  // with hyphens third and fourth is reserved for IDNA (`xn--...`), and a URL refuses a bad one.
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,19}[a-z0-9]$/).filter((s) => s.slice(2, 4) !== '--');
  fc.assert(
    fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 12 }), fc.nat(), (ids, pick) => {
      const lines = [HEADER, ...ids.map(good)];
      assert.deepEqual(parseRoster(lines.join('\n'), plans).errors, []);
      const at = 1 + (pick % ids.length);
      lines[at] = lines[at]!.replace(',eu,', ',atlantis,');
      const { errors } = parseRoster(lines.join('\n'), plans);
      assert.deepEqual(errors.map((e) => [e.line, e.column]), [[at + 1, 'region']]);
    }),
    { numRuns: 200 },
  );
});
