CREATE TABLE "super_admins" (
	"user_id" text PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "banned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ban_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "ban_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "super_admins" ADD CONSTRAINT "super_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Read and written on the app's own connection only: no policy lets any other role see a row, whatever grants a
-- host adds to new tables by default (Supabase's anon and authenticated).
ALTER TABLE "super_admins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
REVOKE ALL ON "super_admins" FROM PUBLIC;
