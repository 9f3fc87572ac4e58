import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Problem } from '../http/problem.ts';
import type { PlatformSigner } from '../keys/platform-key.ts';
import type { Jwks } from '../keys/jwks.ts';
import type { Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import { listArtefacts, signArtefacts, type ArtefactDir, type SignedArtefact } from './provenance.ts';

const SERVER_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The console bundle and the CLI bundle, where `npm start` and the CLI's install build them. */
export function defaultArtefactDirs(consoleDir: string): ArtefactDir[] {
  return [
    { name: 'console', dir: consoleDir },
    { name: 'cli', dir: fileURLToPath(new URL('../../../cli/dist/', import.meta.url)) },
  ];
}

/**
 * This server's artefacts and their signed provenance, made once per process: on the first ask
 * after start (the platform key needs the KEK, which the ledger makes ready), then kept.
 */
export class SupplyChain {
  private signed: Promise<SignedArtefact[]> | undefined;
  private signer: PlatformSigner | undefined;
  private readonly startedOn: Date;
  private readonly invocationId: string;

  constructor(private readonly o: { dirs: ArtefactDir[]; platformSigner: () => PlatformSigner; clock: Clock }) {
    this.startedOn = o.clock.now();
    this.invocationId = uuidv7(this.startedOn.getTime());
  }

  /** The platform key; a server without a KEK of its own cannot sign (a 503 that says why). */
  private platform(): PlatformSigner {
    try {
      this.signer ??= this.o.platformSigner();
    } catch (error) {
      throw new Problem('unavailable', `release provenance cannot be signed without the platform key: ${(error as Error).message}`);
    }
    return this.signer;
  }

  artefacts(): Promise<SignedArtefact[]> {
    this.signed ??= signArtefacts(listArtefacts(this.o.dirs), this.platform(), { invocationId: this.invocationId, startedOn: this.startedOn, serverVersion: SERVER_VERSION }).catch((error: unknown) => {
      this.signed = undefined;
      throw error;
    });
    return this.signed;
  }

  /** The platform key's JWKS, which verifies every statement. */
  jwks(): Jwks {
    return this.platform().jwks;
  }
}

let current: SupplyChain | undefined;

/** Set by the app (one per process). */
export function useSupplyChain(s: SupplyChain): void {
  current = s;
}

export function supplyChain(): SupplyChain {
  if (current === undefined) throw new Error('the supply chain is not set up');
  return current;
}
