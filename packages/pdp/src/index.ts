// Public API of @companyos/pdp.
export { startPdp, PDP_VERSION, type Pdp } from './pdp.ts';
export { parsePdpArgs, PDP_USAGE, PdpUsageError, type PdpOptions } from './options.ts';
export { pdpMain } from './main.ts';
