ALTER TABLE "sessions" ADD COLUMN "impersonated_by" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_impersonated_by_users_id_fk" FOREIGN KEY ("impersonated_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An impersonated session keeps the expiry it was opened with (an hour; decision 0064): better-auth's sliding
-- refresh moves `expires_at` forward on use, and would turn the hour into 30 days. Any write that moves it later
-- is held back here, whichever code path makes it; an earlier expiry is allowed.
CREATE FUNCTION keel_keep_impersonation_expiry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.impersonated_by IS NOT NULL AND NEW.expires_at > OLD.expires_at THEN
    NEW.expires_at := OLD.expires_at;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_keep_impersonation_expiry BEFORE UPDATE OF expires_at ON sessions
  FOR EACH ROW EXECUTE FUNCTION keel_keep_impersonation_expiry();
