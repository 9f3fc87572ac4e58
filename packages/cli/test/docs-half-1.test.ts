import { testWalkthroughs } from './docs/walkthrough-test.ts';

// The README tour and the docs/*.md walkthroughs, half 1 (docs/README.md gives the conventions).
testWalkthroughs(1);
