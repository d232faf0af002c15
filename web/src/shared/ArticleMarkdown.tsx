import ReactMarkdown from 'react-markdown';

/**
 * An article's Markdown as React elements: raw HTML in it is dropped, never rendered, images are
 * not loaded, and link targets go through react-markdown's URL filter (no `javascript:`).
 */
const ALLOWED = [
  'p',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'a',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'br',
  'hr',
];

export function ArticleMarkdown({ body }: { body: string }) {
  return (
    <div className="article-body">
      <ReactMarkdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {children}
            </a>
          ),
        }}
      >
        {body}
      </ReactMarkdown>
    </div>
  );
}
