import { lineDiff } from './line-diff.ts';

/** What changed between two versions of a runbook, line by line. */
export function VersionDiff(props: { from: number; to: number; before: string; after: string }) {
  const lines = lineDiff(props.before, props.after);
  const changed = lines.filter((l) => l.kind !== 'same').length;
  return (
    <section className="card" aria-labelledby="version-diff-title">
      <h2 id="version-diff-title">
        Changes from version {props.from} to version {props.to}
      </h2>
      {changed === 0 ? (
        <p className="empty">The Markdown is the same.</p>
      ) : (
        <pre className="diff" tabIndex={0}>
          {lines.map((l, n) =>
            l.kind === 'same' ? (
              <span key={n}>{`  ${l.text}`}</span>
            ) : l.kind === 'added' ? (
              <ins key={n}>{`+ ${l.text}`}</ins>
            ) : (
              <del key={n}>{`- ${l.text}`}</del>
            ),
          )}
        </pre>
      )}
    </section>
  );
}
