import Markdown from 'react-markdown';

// Raw HTML in a runbook is shown as text, never rendered, and only http(s) and relative links are kept.
const safeUrl = (url: string): string => (/^(https?:|\/|#|\.)/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : '');

/** A runbook's Markdown, rendered without raw HTML. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown skipHtml urlTransform={safeUrl}>
        {source}
      </Markdown>
    </div>
  );
}
