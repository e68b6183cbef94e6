-- Tenant isolation for organization data (docs/organizations/row-level-security.md).
--
-- Organization work runs inside withTenant() (src/platform/db/tenant.ts): a
-- transaction that switches to the role keel_tenant (no BYPASSRLS) and sets
-- keel.user_id and keel.organization_id for that transaction only. The
-- policies below let keel_tenant see and write only the rows of that
-- organization, and only while that user is one of its members. The role the
-- app connects with (the one running this migration) keeps a policy of its own
-- for work that spans organizations: creating one, accepting an invitation,
-- the admin area, seeds.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'keel_tenant') THEN
    CREATE ROLE keel_tenant NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The app's role must be able to SET ROLE keel_tenant. Granted only when it cannot yet: a second
-- database on the same server finds the role, and the membership, already there.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'keel_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT keel_tenant TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO keel_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, members, invitations TO keel_tenant;
--> statement-breakpoint
-- Member lists show names and pictures; nothing else of the users table is readable,
-- and only the rows of the acting user and of members of the current organization.
GRANT SELECT (id, name, email, image) ON users TO keel_tenant;

--> statement-breakpoint
-- The acting user, as set by withTenant. keel_tenant is one role per server, and anyone may set
-- keel.* settings: a session of another role (another database's app on the same server) that
-- connects here and switches to keel_tenant must not pass. So the acting user counts only in
-- sessions that logged in as the role running this migration, the app's own (its name is fixed
-- into the function here).
DO $$
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION keel_acting_user_id() RETURNS text
      LANGUAGE sql STABLE SET search_path = pg_catalog
    AS $body$
      SELECT CASE WHEN session_user = %L THEN nullif(current_setting('keel.user_id', true), '') END
    $body$
  $f$, current_user);
END
$$;
--> statement-breakpoint
-- The organization this transaction acts in, if the acting user belongs to it; else null, which matches no row.
-- SECURITY DEFINER: it reads members as the owner, so the members policy does not call itself.
CREATE FUNCTION keel_current_organization_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  SELECT m.organization_id FROM public.members m
  WHERE m.organization_id = nullif(current_setting('keel.organization_id', true), '')::uuid
    AND m.user_id = public.keel_acting_user_id()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION keel_current_organization_id() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION keel_current_organization_id() TO keel_tenant;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_members ON users FOR SELECT TO keel_tenant USING (
  id = keel_acting_user_id()
  OR id IN (SELECT m.user_id FROM members m WHERE m.organization_id = (SELECT keel_current_organization_id()))
);
--> statement-breakpoint
CREATE POLICY app_access ON users TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations TO keel_tenant
  USING (id = (SELECT keel_current_organization_id()))
  WITH CHECK (id = (SELECT keel_current_organization_id()));
--> statement-breakpoint
CREATE POLICY app_access ON organizations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON members TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()))
  WITH CHECK (organization_id = (SELECT keel_current_organization_id()));
--> statement-breakpoint
CREATE POLICY app_access ON members TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()))
  WITH CHECK (organization_id = (SELECT keel_current_organization_id()));
--> statement-breakpoint
CREATE POLICY app_access ON invitations TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Every organization keeps an owner. The application checks first and explains;
-- this is the guarantee, also against concurrent requests: the organization row
-- is locked, so a second change waits for the first and then sees its result.
CREATE FUNCTION keel_members_keep_an_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM 1 FROM public.organizations WHERE id = OLD.organization_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL; -- the organization itself is being deleted
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.members WHERE organization_id = OLD.organization_id AND role = 'owner') THEN
    RAISE EXCEPTION 'organization % would have no owner', OLD.organization_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'organization_keeps_an_owner';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER members_keep_an_owner AFTER UPDATE OF role OR DELETE ON members
  FOR EACH ROW WHEN (OLD.role = 'owner') EXECUTE FUNCTION keel_members_keep_an_owner();
--> statement-breakpoint
-- Deleting an account takes with it the organizations where that user is the only
-- member. Where others remain and the user is the last owner, the trigger above
-- refuses the deletion (the account page asks to transfer ownership first).
CREATE FUNCTION keel_delete_solo_organizations() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  DELETE FROM public.organizations o
  WHERE EXISTS (SELECT 1 FROM public.members m WHERE m.organization_id = o.id AND m.user_id = OLD.id)
    AND NOT EXISTS (SELECT 1 FROM public.members m WHERE m.organization_id = o.id AND m.user_id <> OLD.id);
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_delete_solo_organizations BEFORE DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION keel_delete_solo_organizations();
