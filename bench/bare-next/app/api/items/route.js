import { cookies } from 'next/headers';

/** A route handler answering JSON per request (it reads a cookie): the floor for Keel's tasks API. */
export async function GET() {
  const visits = (await cookies()).get('visits')?.value ?? '0';
  const rows = Array.from({ length: 25 }, (_, index) => ({ id: index, title: `Item ${index}`, visits }));
  return Response.json({ rows, total: rows.length });
}
