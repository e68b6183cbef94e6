import { ChevronDown } from 'lucide-react';

export interface FaqItem {
  id: string;
  question: string;
  answer: string;
}

/** Questions that open in place: `<details>`, so no script is needed and every answer is in the page. */
export function FaqList({ items, headingLevel = 'h3' }: { items: readonly FaqItem[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <div className="divide-y rounded-xl border bg-card text-card-foreground">
      {items.map((item) => (
        <details key={item.id} id={item.id} className="group scroll-mt-24 px-5 py-1">
          <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-md py-3 font-medium [&::-webkit-details-marker]:hidden">
            <Heading className="text-base">{item.question}</Heading>
            <ChevronDown
              aria-hidden="true"
              className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-180"
            />
          </summary>
          <p className="pb-4 text-muted-foreground">{item.answer}</p>
        </details>
      ))}
    </div>
  );
}
