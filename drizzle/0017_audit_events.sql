CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" text,
	"impersonator_user_id" text,
	"target_type" text,
	"target_id" text,
	"organization_id" uuid,
	"ip" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_action_length" CHECK (char_length("audit_events"."action") between 1 and 100),
	CONSTRAINT "audit_events_details_small" CHECK (pg_column_size("audit_events"."details") <= 4096)
);
--> statement-breakpoint
CREATE INDEX "audit_events_organization_idx" ON "audit_events" USING btree ("organization_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
-- The audit log is append-only for the application (decision 0056, docs/audit/audit-log.md). The role the app
-- connects as (the one running this migration, which owns the table) and the tenant role may insert and read,
-- nothing more (the owner gives up the rest at the end of this file, once its triggers exist).
GRANT SELECT, INSERT ON audit_events TO keel_tenant;
--> statement-breakpoint
-- Superusers ignore grants (the embedded PostgreSQL connects as one), and an owner may grant itself back what it
-- gave up: so a trigger refuses every UPDATE, and every DELETE but the retention job's. TRUNCATE fires no row
-- trigger, hence the statement trigger.
CREATE FUNCTION keel_audit_events_append_only() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_user = 'keel_audit_retention' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = 'audit_events_append_only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION keel_audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION keel_audit_events_append_only();
--> statement-breakpoint
-- Retention (src/features/audit/server/retention.ts) deletes old rows as this role, the only one allowed to delete.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keel_audit_retention') THEN
    CREATE ROLE keel_audit_retention NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The app's role may switch to it (SET ROLE, in the job's transaction only) but does not inherit its privileges:
-- without INHERIT FALSE the app's own connection could delete directly (PostgreSQL 16 and later; on older servers
-- the membership inherits, and the trigger above is what refuses the app's deletes).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'keel_audit_retention', 'MEMBER') THEN
    IF current_setting('server_version_num')::int >= 160000 THEN
      EXECUTE format('GRANT keel_audit_retention TO %I WITH INHERIT FALSE', current_user);
    ELSE
      EXECUTE format('GRANT keel_audit_retention TO %I', current_user);
    END IF;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO keel_audit_retention;
--> statement-breakpoint
GRANT SELECT (occurred_at), DELETE ON audit_events TO keel_audit_retention;
--> statement-breakpoint
-- Whether the acting user may read the current organization's audit log: its owners and admins, the roles with
-- the `audit.read` permission in appConfig (tests/integration/audit/row-level-security.test.ts holds the two
-- together: change both, with a migration replacing this function, to change who reads it).
-- SECURITY DEFINER, like keel_current_organization_id(): it reads members as the owner.
CREATE FUNCTION keel_reads_organization_audit() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  SELECT EXISTS (
    SELECT 1 FROM public.members m
    WHERE m.organization_id = nullif(current_setting('keel.organization_id', true), '')::uuid
      AND m.user_id = public.keel_acting_user_id()
      AND m.role IN ('owner', 'admin')
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION keel_reads_organization_audit() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION keel_reads_organization_audit() TO keel_tenant;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- An organization's owners and admins read its rows.
CREATE POLICY tenant_read_organization ON audit_events FOR SELECT TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()) AND (SELECT keel_reads_organization_audit()));
--> statement-breakpoint
-- Each user reads their own security events (no organization): those they did, and those done to their account
-- (a failed sign-in with their address). Only the account's own (auth.*): what a super admin did to it (a ban and
-- its reason, the admin's address) is the operators' record, not the user's.
CREATE POLICY tenant_read_own ON audit_events FOR SELECT TO keel_tenant
  USING (
    organization_id IS NULL
    AND action LIKE 'auth.%'
    AND (actor_user_id = (SELECT keel_acting_user_id())
      OR (target_type = 'user' AND target_id = (SELECT keel_acting_user_id())))
  );
--> statement-breakpoint
-- Recorded from a tenant transaction: in its organization, or the acting user's own event.
CREATE POLICY tenant_record ON audit_events FOR INSERT TO keel_tenant
  WITH CHECK (
    organization_id = (SELECT keel_current_organization_id())
    OR (organization_id IS NULL AND actor_user_id = (SELECT keel_acting_user_id()))
  );
--> statement-breakpoint
-- The app's own connection records events outside tenant transactions (sign-ins, webhooks) and will read all of
-- them for the admin area: reading and inserting only, no policy for UPDATE or DELETE.
CREATE POLICY app_read ON audit_events FOR SELECT TO CURRENT_USER USING (true);
--> statement-breakpoint
CREATE POLICY app_record ON audit_events FOR INSERT TO CURRENT_USER WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY retention_read ON audit_events FOR SELECT TO keel_audit_retention USING (true);
--> statement-breakpoint
CREATE POLICY retention_delete ON audit_events FOR DELETE TO keel_audit_retention USING (true);
--> statement-breakpoint
-- Last: the owner keeps INSERT and SELECT, and gives up UPDATE, DELETE, TRUNCATE, REFERENCES and TRIGGER.
REVOKE ALL ON audit_events FROM CURRENT_USER;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO CURRENT_USER;
