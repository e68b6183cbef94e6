import Link from 'next/link';

/** A static landing page: the floor for Keel's landing page. */
export default function Landing() {
  return (
    <main>
      <h1>Bare Next.js</h1>
      <p>The same versions of Next.js and React as Keel, and nothing else.</p>
      <Link href="/dynamic">A dynamic page</Link>
    </main>
  );
}
