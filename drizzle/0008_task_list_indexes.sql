-- The tasks list's indexes, for reads under row-level security (docs/data/data-loader.md#indexes).
-- A tenant query may use only leakproof comparisons as index conditions; uuid, text, date and
-- timestamp ones are, enum ones (status, priority) are not. So (organization_id, status, due_date, id)
-- was never entered by a tenant query, and status filters were checked row by row in the table.
-- Now status and priority trail each sort index: filtered pages are read from the index alone.
DROP INDEX "tasks_organization_status_due_idx";--> statement-breakpoint
DROP INDEX "tasks_organization_created_idx";--> statement-breakpoint
DROP INDEX "tasks_organization_updated_idx";--> statement-breakpoint
DROP INDEX "tasks_organization_due_idx";--> statement-breakpoint
CREATE INDEX "tasks_organization_created_idx" ON "tasks" USING btree ("organization_id","created_at","id","status","priority");--> statement-breakpoint
CREATE INDEX "tasks_organization_updated_idx" ON "tasks" USING btree ("organization_id","updated_at","id","status","priority");--> statement-breakpoint
CREATE INDEX "tasks_organization_due_idx" ON "tasks" USING btree ("organization_id","due_date","id","status","priority");