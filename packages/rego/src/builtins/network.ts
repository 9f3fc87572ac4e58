// Builtins that reach outside the process. Policies here are evaluated in-process and must be
// deterministic, so they get no network and no view of the host: http.send checks its request
// as OPA does and then refuses, net.lookup_ip_addr is refused, and opa.runtime reports an empty
// runtime (what OPA returns when it has no runtime information).

import { RObject, RSet, canonicalText, type Value } from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { obj, operandError } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

const NO_NETWORK = 'network access is disabled: policies cannot make requests; pass the data in input or data instead';

const REQUEST_KEYS = new Set([
  'method',
  'url',
  'body',
  'enable_redirect',
  'force_json_decode',
  'force_yaml_decode',
  'headers',
  'raw_body',
  'tls_use_system_certs',
  'tls_ca_cert',
  'tls_ca_cert_file',
  'tls_ca_cert_env_variable',
  'tls_client_cert',
  'tls_client_cert_file',
  'tls_client_cert_env_variable',
  'tls_client_key',
  'tls_client_key_file',
  'tls_client_key_env_variable',
  'tls_insecure_skip_verify',
  'tls_server_name',
  'timeout',
  'cache',
  'force_cache',
  'force_cache_duration_seconds',
  'raise_error',
  'caching_mode',
  'max_retry_attempts',
  'cache_ignored_headers',
]);

export function register(r: BuiltinRegistry): void {
  r.fn('http.send', 1, (a) => {
    checkRequest(obj(a, 0));
    throw new BuiltinError(NO_NETWORK);
  });
  r.add({
    name: 'net.lookup_ip_addr',
    arity: 1,
    refused: 'DNS lookups are disabled: policies cannot reach the network; pass resolved addresses in input instead',
  });
  r.fn('opa.runtime', 0, () => new RObject());
}

/** OPA rejects unknown and missing request parameters before sending (or signing) anything. */
export function checkRequest(req: RObject): void {
  const keys = req.keys();
  const invalid = keys.filter((k) => typeof k !== 'string' || !REQUEST_KEYS.has(k));
  if (invalid.length > 0) {
    throw operandError(1, req, `operand 1 invalid request parameters(s): ${canonicalText(new RSet(invalid))}`);
  }
  const missing: Value[] = ['method', 'url'].filter((k) => !req.has(k));
  if (missing.length > 0) {
    throw operandError(1, req, `operand 1 missing required request parameters(s): ${canonicalText(new RSet(missing))}`);
  }
}
