// `companyos pdp`: runs an OPA-compatible decision service for one tenant (packages/pdp).

import { pdpMain } from '@companyos/pdp';

export const pdpCommand = (args: string[]): Promise<number> => pdpMain(args);
