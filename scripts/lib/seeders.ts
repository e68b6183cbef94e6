import type { Seeder } from '../../src/platform/db/seed';
import { authSeeder } from '../../src/features/auth/server/seed';
import { billingSeeder } from '../../src/features/billing/server/seed';
import { contactSeeder } from '../../src/features/contact/server/seed';
import { organizationsSeeder } from '../../src/features/organizations/server/seed';
import { tasksSeeder } from '../../src/features/tasks/server/seed';

/** Demo data, in dependency order. A new feature adds its seeder here. */
export const seeders: Seeder[] = [authSeeder, organizationsSeeder, billingSeeder, tasksSeeder, contactSeeder];
