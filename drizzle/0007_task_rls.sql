-- Tasks are organization data: the same policies as members and invitations
-- (docs/organizations/row-level-security.md#adding-an-organization-scoped-table).
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tasks TO keel_tenant
  USING (organization_id = (SELECT keel_current_organization_id()))
  WITH CHECK (organization_id = (SELECT keel_current_organization_id()));
--> statement-breakpoint
CREATE POLICY app_access ON tasks TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON tasks TO keel_tenant;
--> statement-breakpoint
-- The same limits as the forms, so no other path stores what they would refuse.
ALTER TABLE tasks ADD CONSTRAINT tasks_title_length CHECK (char_length(title) BETWEEN 1 AND 200);
--> statement-breakpoint
ALTER TABLE tasks ADD CONSTRAINT tasks_description_length CHECK (char_length(description) <= 10000);
