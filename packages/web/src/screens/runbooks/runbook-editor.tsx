import { useId, useState, type FormEvent } from 'react';
import type { RunbookVersion } from '../../api/types.ts';
import { useGovernedAction } from '../../session/use-governed-action.tsx';
import { ActionFooter } from '../../ui/action-footer.tsx';
import { MarkdownView } from './markdown-view.tsx';

/**
 * Edits a runbook: title, Markdown with a live preview, and what changed. Saving sends the
 * version the edit started from, so a newer save by someone else is never overwritten.
 */
export function RunbookEditor(props: { slug: string; baseVersion: number; title: string; body: string; onSaved: (v: RunbookVersion) => void; onCancel?: () => void }) {
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const [message, setMessage] = useState('');
  const action = useGovernedAction();
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await action.run((api) =>
      api.send<RunbookVersion>('PUT', `/runbooks/${encodeURIComponent(props.slug)}`, { title, body, base_version: props.baseVersion, ...(message.trim() !== '' ? { message: message.trim() } : {}) }),
    );
    if (saved !== undefined) props.onSaved(saved);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.baseVersion === 0 ? `New runbook ${props.slug}` : `Edit ${props.slug} (from version ${props.baseVersion})`}</h2>
      <label htmlFor={`${id}-name`}>Title</label>
      <input id={`${id}-name`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="editor-split">
        <div>
          <label htmlFor={`${id}-body`}>Markdown</label>
          <textarea id={`${id}-body`} rows={16} maxLength={200_000} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div>
          <h3 id={`${id}-preview`}>Preview</h3>
          <div className="preview" role="region" aria-labelledby={`${id}-preview`} tabIndex={0}>
            {body.trim() === '' ? <p className="muted">Nothing to preview yet.</p> : <MarkdownView source={body} />}
          </div>
        </div>
      </div>
      <label htmlFor={`${id}-message`}>What changed (optional)</label>
      <input id={`${id}-message`} maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} />
      <ActionFooter action={action} idle="Save version" busy="Saving…" />
      {props.onCancel !== undefined && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
