'use server';

import { cookies } from 'next/headers';

/** The server action round trip: reads a cookie and the form, answers a small value. */
export async function save(input) {
  const visits = (await cookies()).get('visits')?.value ?? '0';
  const title = typeof input?.title === 'string' ? input.title : '';
  return { ok: true, data: { title: title.slice(0, 200), visits } };
}
