import { sql } from 'drizzle-orm';
import { date, foreignKey, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '@/features/auth/server/schema';
import { members, organizations } from '@/features/organizations/server/schema';
import { TASK_PRIORITIES, TASK_STATUSES } from '../task-fields';

export const taskStatus = pgEnum('task_status', TASK_STATUSES);
export const taskPriority = pgEnum('task_priority', TASK_PRIORITIES);

/**
 * An organization's to-dos: the reference feature (docs/data/adding-a-feature.md).
 * Organization-scoped, so row-level security (drizzle/0007_task_rls.sql)
 * confines the tenant role to the current organization's rows.
 *
 * The assignee is a member of the same organization, which the database
 * guarantees: (organization_id, assignee_id) references members, and when
 * that membership ends only assignee_id is cleared (ON DELETE SET NULL (assignee_id)).
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: taskStatus('status').notNull().default('todo'),
    priority: taskPriority('priority').notNull().default('medium'),
    /** A calendar day, no time zone: "due on the 3rd" wherever you are. */
    dueDate: date('due_date', { mode: 'string' }),
    assigneeId: text('assignee_id'),
    createdById: text('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      name: 'tasks_assignee_membership_fk',
      columns: [table.organizationId, table.assigneeId],
      foreignColumns: [members.organizationId, members.userId],
    }),
    // One index per way the list is read; each starts with organization_id (docs/data/data-loader.md#indexes).
    // Under row-level security PostgreSQL uses only leakproof comparisons as index conditions, and enum ones
    // (status, priority) are not: they stay filters. So they trail the sort's columns, where a filtered page is
    // still read from the index alone, instead of leading an index that tenant queries could never enter.
    index('tasks_organization_created_idx').on(
      table.organizationId,
      table.createdAt,
      table.id,
      table.status,
      table.priority,
    ),
    index('tasks_organization_updated_idx').on(
      table.organizationId,
      table.updatedAt,
      table.id,
      table.status,
      table.priority,
    ),
    index('tasks_organization_due_idx').on(table.organizationId, table.dueDate, table.id, table.status, table.priority),
    // sort=-dueDate reads due_date desc with undated tasks last, which the index above read backwards does not give.
    index('tasks_organization_due_desc_idx').on(
      table.organizationId,
      table.dueDate.desc().nullsLast(),
      table.id.desc().nullsFirst(),
      table.status,
      table.priority,
    ),
    index('tasks_organization_title_idx').on(table.organizationId, table.title, table.id, table.status, table.priority),
    // The search's (decision 0043): trigrams of title and description within one organization (btree_gin puts
    // organization_id in the same index). keel_task_search() reads them for the tenant, since row-level security
    // keeps a tenant query's ILIKE (not leakproof) from using any index.
    index('tasks_organization_title_trgm_idx').using('gin', table.organizationId, table.title.op('gin_trgm_ops')),
    index('tasks_organization_description_trgm_idx').using(
      'gin',
      table.organizationId,
      table.description.op('gin_trgm_ops'),
    ),
    index('tasks_organization_assignee_status_idx').on(table.organizationId, table.assigneeId, table.status),
    index('tasks_created_by_idx')
      .on(table.createdById)
      .where(sql`${table.createdById} is not null`),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;
