import Markdown from 'react-markdown';

// Raw HTML in a runbook is shown as text, never rendered, and only http(s) and relative links are kept.
const safeUrl = (url: string): string => (/^(https?:|\/|#|\.)/i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : '');

// The document's own headings sit below the page's (its h1 is the page's h3), so the page keeps one outline.
const headings = {
  h1: 'h3',
  h2: 'h4',
  h3: 'h5',
  h4: 'h6',
  h5: 'h6',
} as const;

/** A runbook's Markdown, rendered without raw HTML. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="markdown">
      <Markdown skipHtml urlTransform={safeUrl} components={headings}>
        {source}
      </Markdown>
    </div>
  );
}
