import { notFound } from 'next/navigation';

/**
 * A public URL that matches no page (`/no-such-page` is `/en/no-such-page`
 * inside): the public not-found page, in the URL's language, with status 404.
 */
export default function UnknownPublicPage() {
  notFound();
}
