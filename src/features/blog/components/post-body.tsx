import { MDXContent } from '@content-collections/mdx/react';
import '@/ui/prose.css';

/** A post's MDX, compiled and highlighted at build time (content-collections.ts), rendered on the server. */
export function PostBody({ code }: { code: string }) {
  return (
    <div className="prose">
      <MDXContent code={code} />
    </div>
  );
}
