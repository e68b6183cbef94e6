ALTER TABLE "local_gateway_checkouts" ADD COLUMN "trial_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "local_gateway_checkouts" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() + interval '24 hours' NOT NULL;
--> statement-breakpoint
ALTER TABLE local_gateway_checkouts ADD CONSTRAINT local_gateway_checkouts_trial_days CHECK (trial_days >= 0);
