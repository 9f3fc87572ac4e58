import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '@companyos/server';
import { banner } from './serve.ts';

test('the startup banner names the console URL, the data dir and how to mint a token', () => {
  const config = loadConfig({ COMPANYOS_DATA_DIR: '/srv/companyos-data', COMPANYOS_PORT: '8080' });
  const text = banner(config, 1);
  assert.match(text, /CompanyOS is running at http:\/\/127\.0\.0\.1:8080\n/);
  assert.match(text, /console: +http:\/\/127\.0\.0\.1:8080\//);
  assert.match(text, /data dir: \/srv\/companyos-data\n/);
  assert.match(text, /export COMPANYOS_TOKEN=\$\(npx companyos token --tenant internal --subject user-platform-operator\)/);
  // The CLI's default address needs no COMPANYOS_URL; any other does.
  assert.doesNotMatch(text, /COMPANYOS_URL/);
  assert.match(banner(loadConfig({ COMPANYOS_PORT: '9090' }), 1), /export COMPANYOS_URL=http:\/\/127\.0\.0\.1:9090\n/);
});

test('with the development issuer off, the banner says so instead of a token command that would fail', () => {
  const text = banner(loadConfig({ COMPANYOS_DEV_ISSUER: 'false' }), 1);
  assert.match(text, /COMPANYOS_DEV_ISSUER=false/);
  assert.doesNotMatch(text, /companyos token/);
});
