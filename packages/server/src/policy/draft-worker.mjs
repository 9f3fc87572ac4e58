// Entry of a draft-pool worker. The sources are TypeScript: tsx's loader is registered before
// they are imported, whatever flags the parent process was started with.
import { register } from 'tsx/esm/api';

register();
const { runDraftTask } = await import('./draft-eval.ts');

/** Says when the task starts (its deadline runs from then, not from its wait in the queue), then runs it. */
export default function run({ started, task }) {
  started.postMessage('started');
  started.close();
  return runDraftTask(task);
}
