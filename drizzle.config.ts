import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` compares these schema files with the migrations in
// drizzle/ and writes a new SQL migration. It needs no running database.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/features/*/server/schema.ts'],
  out: './drizzle',
  strict: true,
  verbose: true,
});
