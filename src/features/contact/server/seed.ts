import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Seeder } from '@/platform/db/seed';
import { contactRequests } from './schema';

const demoRequests = [
  {
    id: '00000000-0000-4000-8000-00000000c001',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    message: 'Do you offer a yearly plan for teams of ten?',
    locale: 'en',
  },
  {
    id: '00000000-0000-4000-8000-00000000c002',
    name: 'Rosalía Castro',
    email: 'rosalia@example.com',
    message: '¿Puedo importar mis datos desde otra herramienta?',
    locale: 'es',
  },
];

export const contactSeeder: Seeder = {
  name: 'contact',
  async run(db: NodePgDatabase) {
    const inserted = await db
      .insert(contactRequests)
      .values(demoRequests)
      .onConflictDoNothing({ target: contactRequests.id })
      .returning({ id: contactRequests.id });
    return `${inserted.length} new contact request(s), ${demoRequests.length - inserted.length} already present`;
  },
};
