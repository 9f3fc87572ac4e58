import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JWK, JWTPayload } from 'jose';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';

export const DEV_ISSUER = 'urn:companyos:dev-issuer';
export const DEV_AUDIENCE = 'companyos';
export const ACR_STEP_UP = 'urn:companyos:acr:step-up';
export const ACR_BASIC = 'urn:companyos:acr:basic';
/** The public route that describes a server's dev issuer (see DevIssuer.describe). */
export const DEV_ISSUER_PATH = '/.well-known/companyos-dev-issuer';
/** File name of the dev issuer's private key inside the data dir. */
export const DEV_ISSUER_KEY_FILE = 'dev-issuer-key.json';

export interface MintOptions {
  tenant: string;
  subject: string;
  /** Lifetime in seconds (default 3600). */
  ttl?: number | undefined;
  /** Mint a token that records a fresh strong authentication (acr step-up, amr with otp). */
  stepUp?: boolean | undefined;
}

export interface DevIssuerDescription {
  issuer: string;
  key_file: string | null;
  jwks: { keys: JWK[] };
}

/** The local development issuer: one Ed25519 key, signing EdDSA JWTs for any tenant/subject. */
export class DevIssuer {
  readonly kid: string;
  private readonly publicKey: KeyObject;

  constructor(
    private readonly privateKey: KeyObject,
    private readonly clock: Clock = systemClock,
    /** Where the private key is kept; undefined for a key in memory only. */
    readonly keyFile?: string,
  ) {
    this.publicKey = createPublicKey(privateKey);
    this.kid = canonicalSha256(this.publicJwk()).slice(0, 16);
  }

  /** Loads the key from `keyFile`, creating it on first use; no file = a key in memory only. */
  static open(options: { keyFile?: string | undefined; clock?: Clock | undefined } = {}): DevIssuer {
    const { keyFile, clock } = options;
    if (keyFile === undefined) return new DevIssuer(generateKeyPairSync('ed25519').privateKey, clock);
    if (existsSync(keyFile)) return DevIssuer.load(keyFile, clock);
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    return new DevIssuer(privateKey, clock, keyFile);
  }

  /** Loads an existing key; never creates one (a client minting for a running server). */
  static load(keyFile: string, clock?: Clock): DevIssuer {
    const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    return new DevIssuer(createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }), clock, keyFile);
  }

  /** What a server tells the `companyos token` command about its issuer: the key's file and public key. */
  describe(): DevIssuerDescription {
    return { issuer: DEV_ISSUER, key_file: this.keyFile ?? null, jwks: this.jwks() };
  }

  publicJwk(): JWK {
    const jwk = this.publicKey.export({ format: 'jwk' }) as JWK;
    return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk(), kid: this.kid, alg: 'EdDSA', use: 'sig' }] };
  }

  /**
   * A compact EdDSA JWT signed with node:crypto: `companyos token` then starts without loading
   * jose (a third of its start-up time); verify() still checks tokens with jose.
   */
  async mint(options: MintOptions): Promise<string> {
    const nowS = Math.floor(this.clock.now().getTime() / 1000);
    const header = { alg: 'EdDSA', kid: this.kid, typ: 'JWT' };
    const claims = {
      tenant_id: options.tenant,
      acr: options.stepUp === true ? ACR_STEP_UP : ACR_BASIC,
      amr: options.stepUp === true ? ['pwd', 'otp'] : ['pwd'],
      auth_time: nowS,
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: options.subject,
      jti: uuidv7(nowS * 1000),
      iat: nowS,
      exp: nowS + (options.ttl ?? 3600),
    };
    const signingInput = `${base64url(header)}.${base64url(claims)}`;
    return `${signingInput}.${sign(null, Buffer.from(signingInput), this.privateKey).toString('base64url')}`;
  }

  async verify(token: string): Promise<JWTPayload> {
    const { jwtVerify } = await import('jose');
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: ['EdDSA'],
      currentDate: this.clock.now(),
    });
    return payload;
  }
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
