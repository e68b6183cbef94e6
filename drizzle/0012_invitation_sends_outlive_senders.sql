ALTER TABLE "invitation_sends" DROP CONSTRAINT "invitation_sends_sender_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "invitation_sends" ALTER COLUMN "sender_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;