import './prose.css';
import { cn } from './cn';

/**
 * HTML compiled at build time from the repository's own Markdown (content-collections.ts): trusted, never
 * user input — raw HTML in the Markdown is dropped by the compiler, not passed through.
 */
export function Prose({ html, className }: { html: string; className?: string }) {
  return <div className={cn('prose', className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
