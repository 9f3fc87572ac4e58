// Builds the console when it is missing or stale (`--force`: always). Run by `npm start`.
import { ensureConsoleBuilt } from './console-build.ts';

const { built } = await ensureConsoleBuilt({ force: process.argv.includes('--force') });
if (!built) console.log('console: dist/ is current');
