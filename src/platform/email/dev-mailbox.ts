import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/platform/db/client';
import { devMailboxMessages } from './schema';

/** The dev mailbox is a development tool: never shown in production. */
export function devMailboxEnabled() {
  return process.env.NODE_ENV !== 'production';
}

export async function listMailboxMessages(limit = 100) {
  return db
    .select({
      id: devMailboxMessages.id,
      to: devMailboxMessages.to,
      subject: devMailboxMessages.subject,
      createdAt: devMailboxMessages.createdAt,
    })
    .from(devMailboxMessages)
    .orderBy(desc(devMailboxMessages.createdAt))
    .limit(limit);
}

export async function getMailboxMessage(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(devMailboxMessages).where(eq(devMailboxMessages.id, id));
  return message ?? null;
}
