CREATE TABLE "invitation_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"sender_id" text NOT NULL,
	"address_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitation_sends_organization_idx" ON "invitation_sends" USING btree ("organization_id","sent_at");--> statement-breakpoint
CREATE INDEX "invitation_sends_sender_idx" ON "invitation_sends" USING btree ("sender_id","sent_at");--> statement-breakpoint
-- Counted inside the tenant transaction that sends (src/features/organizations/server/invitation-sends.ts):
-- the tenant sees the sends of the organization it acts in (every member's) and the acting user's own
-- sends from any organization (the per-account budget), and records only its own sends for that organization.
ALTER TABLE invitation_sends ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitation_sends FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON invitation_sends FOR SELECT TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()) OR sender_id = (SELECT keel_acting_user_id()));
--> statement-breakpoint
CREATE POLICY tenant_record ON invitation_sends FOR INSERT TO keel_tenant
  WITH CHECK (organization_id = (SELECT keel_current_organization_id()) AND sender_id = (SELECT keel_acting_user_id()));
--> statement-breakpoint
CREATE POLICY app_access ON invitation_sends TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON invitation_sends TO keel_tenant;
--> statement-breakpoint
-- A new account sends less (appConfig.organizations.invitationBudget.newAccount): the budget reads its age.
GRANT SELECT (created_at) ON users TO keel_tenant;
