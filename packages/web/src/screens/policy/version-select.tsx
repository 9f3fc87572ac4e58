import type { PolicyVersion } from '../../api/governance-types.ts';

/** A labelled choice of bundle version: the base bundle, the active one or a numbered version. */
export function VersionSelect(props: { id: string; label: string; versions: PolicyVersion[]; value: string; onChange: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="base">base bundle</option>
        <option value="active">active</option>
        {props.versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            v{v.version}
          </option>
        ))}
      </select>
    </div>
  );
}
