import { getImageProps } from 'next/image';
import type { CustomerLogo, Testimonial } from '../landing-config';

/** Customers' logos; nothing at all when there are none (a new product has no logos to show). */
export function LogoCloud({ title, logos }: { title: string; logos: readonly CustomerLogo[] }) {
  if (logos.length === 0) return null;
  return (
    <section aria-labelledby="logos-title" className="space-y-6 text-center">
      <h2 id="logos-title" className="text-sm font-medium text-muted-foreground">
        {title}
      </h2>
      <ul className="flex flex-wrap items-center justify-center gap-x-10 gap-y-6">
        {logos.map((logo) => {
          const { props } = getImageProps({
            src: logo.src,
            alt: logo.name,
            width: logo.width,
            height: logo.height,
            className: 'h-8 w-auto',
          });
          // next/image's props on a plain <img>: its <Image> component would bring its script (screenshot.tsx).
          // eslint-disable-next-line @next/next/no-img-element
          const image = <img {...props} alt={logo.name} />;
          return (
            <li key={logo.name}>
              {logo.href ? (
                <a href={logo.href} className="rounded-md" rel="noopener">
                  {image}
                </a>
              ) : (
                image
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Customers' words; nothing at all when there are none. */
export function Testimonials({ title, testimonials }: { title: string; testimonials: readonly Testimonial[] }) {
  if (testimonials.length === 0) return null;
  return (
    <section aria-labelledby="testimonials-title" className="space-y-8">
      <h2 id="testimonials-title" className="text-center text-3xl font-bold tracking-tight">
        {title}
      </h2>
      <ul className="grid gap-6 md:grid-cols-3">
        {testimonials.map((testimonial) => (
          <li key={testimonial.author} className="rounded-xl border bg-card p-6 text-card-foreground shadow-sm">
            <figure className="space-y-4">
              <blockquote className="text-pretty">“{testimonial.quote}”</blockquote>
              <figcaption className="text-sm">
                <span className="font-semibold">{testimonial.author}</span>
                {testimonial.role ? <span className="text-muted-foreground"> · {testimonial.role}</span> : null}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
