CREATE TABLE "billing_plan_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"granted_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_plan_grants_period_order" CHECK ("billing_plan_grants"."ends_at" > "billing_plan_grants"."starts_at"),
	CONSTRAINT "billing_plan_grants_reason_length" CHECK (char_length("billing_plan_grants"."reason") between 10 and 500)
);
--> statement-breakpoint
ALTER TABLE "billing_plan_grants" ADD CONSTRAINT "billing_plan_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_plan_grants" ADD CONSTRAINT "billing_plan_grants_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_plan_grants_organization_idx" ON "billing_plan_grants" USING btree ("organization_id","ends_at");--> statement-breakpoint
-- Plan grants (decision 0065) belong to the organization: under row-level security like billing's other tables
-- (drizzle/0013). The tenant role reads its organization's grants for gating — the columns gating needs, no more —
-- and only the app's own connection (the admin area) writes them. Nothing for PUBLIC.
ALTER TABLE billing_plan_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_plan_grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON billing_plan_grants FOR SELECT TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()));
--> statement-breakpoint
CREATE POLICY app_access ON billing_plan_grants TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
REVOKE ALL ON billing_plan_grants FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT (id, organization_id, product_id, starts_at, ends_at, created_at) ON billing_plan_grants TO keel_tenant;
