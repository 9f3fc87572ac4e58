import { useState, type FormEvent } from 'react';
import type { Direction, WalkOptions } from './graph-api.ts';

const DIRECTIONS: Array<[Direction, string]> = [
  ['both', 'Both ways'],
  ['out', 'Outgoing'],
  ['in', 'Incoming'],
];

/** How far and along which relationships the explorer walks from its focus. */
export function WalkControls({ walk, relationshipTypes, onApply }: { walk: WalkOptions; relationshipTypes: string[]; onApply: (w: WalkOptions) => void }) {
  const [draft, setDraft] = useState(walk);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const toggle = (type: string, on: boolean) => setDraft({ ...draft, types: on ? [...draft.types, type] : draft.types.filter((t) => t !== type) });
  return (
    <form className="walk-controls" aria-label="Walk options" onSubmit={submit}>
      <label>
        Depth{' '}
        <select value={draft.depth} onChange={(e) => setDraft({ ...draft, depth: Number(e.target.value) as WalkOptions['depth'] })}>
          <option value={1}>1</option>
          <option value={2}>2</option>
          <option value={3}>3</option>
        </select>
      </label>
      <label>
        Direction{' '}
        <select value={draft.direction} onChange={(e) => setDraft({ ...draft, direction: e.target.value as Direction })}>
          {DIRECTIONS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Relationship types (none ticked: all)</legend>
        {relationshipTypes.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={draft.types.includes(t)} onChange={(e) => toggle(t, e.target.checked)} /> {t}
          </label>
        ))}
      </fieldset>
      <button type="submit">Show</button>
    </form>
  );
}
