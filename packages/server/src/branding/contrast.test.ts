import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio } from './contrast.ts';
import { contrastProblems } from './branding-model.ts';
import { logoProblem, MAX_LOGO_BYTES, sniffImageType } from './logo.ts';

test('contrast ratios follow WCAG: 21 for black on white, 1 for a colour on itself', () => {
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#ffffff', '#000000'), 21);
  assert.equal(contrastRatio('#777777', '#777777'), 1);
  // #767676 on white is the classic lightest grey that still passes AA (4.54:1); #777777 fails (4.47:1).
  assert.equal(contrastRatio('#767676', '#ffffff'), 4.54);
  assert.equal(contrastRatio('#777777', '#ffffff'), 4.47);
});

test('colour pairs too close to read are named with their ratio', () => {
  assert.deepEqual(contrastProblems({ primary: '#1f4e8c', on_primary: '#ffffff', background: '#ffffff', text: '#1a1a1a' }), []);
  assert.deepEqual(contrastProblems({ primary: '#ffff00', on_primary: '#ffffff', background: '#ffffff', text: '#777777' }), [
    { field: 'colors.text', message: 'contrast #777777 on #ffffff is 4.47:1; at least 4.5:1 is needed' },
    { field: 'colors.on_primary', message: 'contrast #ffffff on #ffff00 is 1.07:1; at least 4.5:1 is needed' },
  ]);
});

test('logos are recognised by their bytes, and size-checked', () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(16)]);
  const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
  assert.deepEqual([sniffImageType(png), sniffImageType(jpeg), sniffImageType(webp)], ['image/png', 'image/jpeg', 'image/webp']);
  assert.equal(logoProblem(png, 'image/png'), undefined);
  assert.equal(logoProblem(png, 'image/jpeg'), 'the logo is declared image/jpeg but is image/png');
  assert.equal(logoProblem(Buffer.from('<svg onload="alert(1)"/>'), 'image/png'), 'the logo is not a PNG, JPEG or WebP image');
  assert.equal(logoProblem(Buffer.alloc(0), 'image/png'), 'the logo is empty');
  assert.match(logoProblem(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]), 'image/png')!, /limit is 262144/);
});
