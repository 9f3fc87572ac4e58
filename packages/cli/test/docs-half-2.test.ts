import { testWalkthroughs } from './docs/walkthrough-test.ts';

// The README tour and the docs/*.md walkthroughs, half 2 (docs/README.md gives the conventions).
testWalkthroughs(2);
