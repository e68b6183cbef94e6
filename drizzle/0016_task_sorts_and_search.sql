-- Indexes for every sort the tasks list offers, and a search the tenant role can serve from an index
-- (decision 0043, docs/performance.md). pg_trgm and btree_gin are trusted extensions: a database owner
-- without superuser rights (Supabase, Neon, RDS) may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "tasks_organization_due_desc_idx" ON "tasks" USING btree ("organization_id","due_date" DESC NULLS LAST,"id" DESC NULLS FIRST,"status","priority");--> statement-breakpoint
CREATE INDEX "tasks_organization_title_idx" ON "tasks" USING btree ("organization_id","title","id","status","priority");--> statement-breakpoint
CREATE INDEX "tasks_organization_title_trgm_idx" ON "tasks" USING gin ("organization_id","title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tasks_organization_description_trgm_idx" ON "tasks" USING gin ("organization_id","description" gin_trgm_ops);
--> statement-breakpoint
-- Row-level security evaluates a tenant query's ILIKE (not leakproof) only after the policy, row by row:
-- no index can serve it, and a search read all of an organization's tasks. This function returns the ids
-- of the acting organization's tasks whose title or description contains the pattern, read through the
-- trigram indexes above. It runs as its owner but reads only the organization keel_current_organization_id()
-- names — null unless the acting user is a member, so nothing otherwise — and the rows themselves are still
-- read by the tenant query, under its policy.
CREATE FUNCTION keel_task_search(pattern text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  SELECT t.id FROM public.tasks t
  WHERE t.organization_id = public.keel_current_organization_id()
    AND (t.title ILIKE pattern OR t.description ILIKE pattern)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION keel_task_search(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION keel_task_search(text) TO keel_tenant;
