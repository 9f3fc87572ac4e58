import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isEnvelope, signEnvelope, verifyEnvelope, type DsseEnvelope } from '../evidence/dsse.ts';
import type { Signer } from '../evidence/jwks.ts';
import type { Jwks } from '../keys/jwks.ts';

// Provenance of the artefacts this server ships (the console bundle, the CLI bundle): one in-toto
// statement with an SLSA v1 provenance predicate per file, made when the server starts and signed
// by the platform key in a DSSE envelope, so anyone with the platform JWKS can check it.

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE = 'https://slsa.dev/provenance/v1';
export const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';
export const BUILDER_ID = 'https://companyos.dev/builders/server-start/v1';
export const BUILD_TYPE = 'https://companyos.dev/build-types/npm-workspace-bundle/v1';
/** More files than any bundle of ours has: a directory past it is not an artefact directory. */
const MAX_FILES = 500;

/** A directory of build output, named as its artefacts are (`console/assets/index.js`). */
export interface ArtefactDir {
  name: string;
  dir: string;
}

export interface Artefact {
  name: string;
  path: string;
  sha256: string;
}

export interface InTotoStatement {
  _type: typeof STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof SLSA_PROVENANCE;
  predicate: {
    buildDefinition: { buildType: string; externalParameters: Record<string, unknown>; internalParameters: Record<string, unknown>; resolvedDependencies: { uri: string }[] };
    runDetails: { builder: { id: string }; metadata: { invocationId: string; startedOn: string } };
  };
}

export interface SignedArtefact extends Artefact {
  builder: string;
  build_type: string;
  signed_at: string;
  statement: DsseEnvelope;
}

const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
      if (out.length > MAX_FILES) throw new Error(`${dir} holds more than ${MAX_FILES} files: not a build output directory`);
    }
  };
  walk(dir);
  return out;
}

/** The files of each existing artefact directory with their SHA-256 (a directory not built yet has none). */
export function listArtefacts(dirs: readonly ArtefactDir[]): Artefact[] {
  return dirs
    .filter((d) => existsSync(d.dir) && statSync(d.dir).isDirectory())
    .flatMap((d) => filesUnder(d.dir).map((path) => ({ name: `${d.name}/${relative(d.dir, path).split(sep).join('/')}`, path, sha256: sha256File(path) })));
}

export function provenanceStatement(a: Artefact, run: { invocationId: string; startedOn: Date; serverVersion: string }): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: a.name, digest: { sha256: a.sha256 } }],
    predicateType: SLSA_PROVENANCE,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: { artefact: a.name },
        internalParameters: { node: process.version },
        resolvedDependencies: [{ uri: `pkg:npm/%40companyos/server@${run.serverVersion}` }],
      },
      runDetails: { builder: { id: BUILDER_ID }, metadata: { invocationId: run.invocationId, startedOn: run.startedOn.toISOString() } },
    },
  };
}

export async function signArtefacts(artefacts: Artefact[], signer: Signer, run: { invocationId: string; startedOn: Date; serverVersion: string }): Promise<SignedArtefact[]> {
  const signed: SignedArtefact[] = [];
  for (const a of artefacts) {
    const statement = await signEnvelope(IN_TOTO_PAYLOAD, Buffer.from(JSON.stringify(provenanceStatement(a, run)), 'utf8'), signer);
    signed.push({ ...a, builder: BUILDER_ID, build_type: BUILD_TYPE, signed_at: run.startedOn.toISOString(), statement });
  }
  return signed;
}

/**
 * Whether an artefact verifies: its envelope is signed by a key of the JWKS, it is an in-toto
 * statement with SLSA provenance, and its subject's digest is that of the file as it is now.
 */
export function verifyArtefact(envelope: unknown, jwks: Jwks, currentSha256: string | undefined): { ok: boolean; reason?: string } {
  if (!isEnvelope(envelope) || envelope.payloadType !== IN_TOTO_PAYLOAD) return { ok: false, reason: 'not a DSSE envelope of an in-toto statement' };
  const checked = verifyEnvelope(envelope, jwks);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  let statement: InTotoStatement;
  try {
    statement = JSON.parse(checked.payload.toString('utf8')) as InTotoStatement;
  } catch {
    return { ok: false, reason: 'the statement is not JSON' };
  }
  if (statement._type !== STATEMENT_TYPE || statement.predicateType !== SLSA_PROVENANCE) return { ok: false, reason: 'not an in-toto statement of SLSA provenance' };
  const digest = statement.subject?.[0]?.digest?.sha256;
  if (currentSha256 === undefined) return { ok: false, reason: 'the artefact is no longer there' };
  if (digest !== currentSha256) return { ok: false, reason: 'the artefact changed since its provenance was signed' };
  return { ok: true };
}

/** The SHA-256 of a file as it is now (undefined when it is gone). */
export function currentDigest(path: string): string | undefined {
  return existsSync(path) ? sha256File(path) : undefined;
}
