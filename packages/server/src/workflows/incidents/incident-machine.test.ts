import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Problem } from '../../http/problem.ts';
import { INCIDENT_STATES, incidentMachine } from './incident-machine.ts';

test('an incident moves open -> mitigated -> resolved, or straight from open to resolved', () => {
  assert.equal(incidentMachine.next('open', 'mitigate'), 'mitigated');
  assert.equal(incidentMachine.next('mitigated', 'resolve'), 'resolved');
  assert.equal(incidentMachine.next('open', 'resolve'), 'resolved');
});

test('an illegal move is a 409 naming the state the incident is in', () => {
  for (const [state, t] of [['mitigated', 'mitigate'], ['resolved', 'mitigate'], ['resolved', 'resolve']] as const) {
    assert.throws(
      () => incidentMachine.next(state, t),
      (e: unknown) => e instanceof Problem && e.status === 409 && e.detail.includes(`that is ${state}`) && (e.extensions as { state: string }).state === state,
    );
  }
  // Nothing leaves resolved.
  assert.ok(INCIDENT_STATES.every((s) => s !== 'resolved' || (!incidentMachine.allowed(s, 'mitigate') && !incidentMachine.allowed(s, 'resolve'))));
});
