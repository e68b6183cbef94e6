import { cookies } from 'next/headers';
import { SaveForm } from './save-form';

/** Rendered per request (it reads a cookie), with one form: the floor for a signed-in page. */
export default async function DynamicPage() {
  const visits = (await cookies()).get('visits')?.value ?? '0';
  return (
    <main>
      <h1>A dynamic page</h1>
      <p>Visits: {visits}</p>
      <SaveForm />
    </main>
  );
}
