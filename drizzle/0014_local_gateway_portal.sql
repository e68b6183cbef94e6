CREATE TYPE "public"."local_gateway_invoice_status" AS ENUM('draft', 'open', 'paid', 'void', 'uncollectible');--> statement-breakpoint
CREATE TYPE "public"."local_gateway_test_card" AS ENUM('succeeds', 'declined');--> statement-breakpoint
CREATE SEQUENCE "public"."local_gateway_invoice_number" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "local_gateway_customers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payment_method" "local_gateway_test_card",
	"card_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_gateway_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"subscription_id" text,
	"order_id" text,
	"number" text DEFAULT ('LOCAL-' || lpad(nextval('local_gateway_invoice_number')::text, 6, '0')) NOT NULL,
	"status" "local_gateway_invoice_status" NOT NULL,
	"total_amount" integer NOT NULL,
	"currency" text NOT NULL,
	"period_starts_at" timestamp with time zone,
	"period_ends_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_gateway_invoices_number_key" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "local_gateway_portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"return_url" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "local_gateway_invoices_customer_idx" ON "local_gateway_invoices" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "local_gateway_invoices_subscription_idx" ON "local_gateway_invoices" USING btree ("subscription_id","status");--> statement-breakpoint
-- The local gateway's records are the "provider's side": no organization's to read, like those of 0013.
ALTER TABLE local_gateway_customers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_gateway_customers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY app_access ON local_gateway_customers TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE local_gateway_invoices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_gateway_invoices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY app_access ON local_gateway_invoices TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE local_gateway_portal_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_gateway_portal_sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY app_access ON local_gateway_portal_sessions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE local_gateway_invoices ADD CONSTRAINT local_gateway_invoices_total_amount CHECK (total_amount >= 0);
--> statement-breakpoint
ALTER TABLE local_gateway_invoices ADD CONSTRAINT local_gateway_invoices_failed_attempts CHECK (failed_attempts >= 0);
