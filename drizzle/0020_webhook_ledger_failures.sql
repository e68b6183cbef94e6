ALTER TABLE "billing_webhook_events" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "billing_webhook_events" ADD COLUMN "error" text;--> statement-breakpoint
CREATE INDEX "billing_webhook_events_unprocessed_idx" ON "billing_webhook_events" USING btree ("received_at") WHERE "billing_webhook_events"."processed_at" is null;