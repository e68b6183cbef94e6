-- One-line text stays on one line in the database too (docs/server-actions/error-handling.md#text-fields):
-- the forms refuse control characters (singleLineText / multiLineText in src/platform/http/text-fields.ts);
-- these CHECKs refuse them from any other path. The character set is the same: C0 controls, DEL, C1 controls,
-- the line and paragraph separators and the bidirectional marks; multi-line text may hold line feeds.
CREATE FUNCTION keel_is_single_line(value text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT value !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]' $$;
--> statement-breakpoint
CREATE FUNCTION keel_is_multi_line(value text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT value !~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]' $$;
--> statement-breakpoint
-- Rows written before these rules: each run of such characters becomes one space (CR LF and CR
-- become LF in multi-line text), so the constraints can be added whatever the data holds.
UPDATE users SET name = btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
  WHERE NOT keel_is_single_line(name);
--> statement-breakpoint
UPDATE organizations SET name = coalesce(nullif(btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''), slug)
  WHERE NOT keel_is_single_line(name);
--> statement-breakpoint
UPDATE tasks SET title = coalesce(nullif(btrim(regexp_replace(title, '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''), '-')
  WHERE NOT keel_is_single_line(title);
--> statement-breakpoint
UPDATE tasks SET description = regexp_replace(regexp_replace(description, '\r\n?', E'\n', 'g'), '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')
  WHERE NOT keel_is_multi_line(description);
--> statement-breakpoint
UPDATE contact_requests SET name = btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
  WHERE NOT keel_is_single_line(name);
--> statement-breakpoint
UPDATE contact_requests SET message = regexp_replace(regexp_replace(message, '\r\n?', E'\n', 'g'), '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')
  WHERE NOT keel_is_multi_line(message);
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_name_single_line CHECK (keel_is_single_line(name));
--> statement-breakpoint
ALTER TABLE organizations ADD CONSTRAINT organizations_name_single_line CHECK (keel_is_single_line(name));
--> statement-breakpoint
ALTER TABLE tasks ADD CONSTRAINT tasks_title_single_line CHECK (keel_is_single_line(title));
--> statement-breakpoint
ALTER TABLE tasks ADD CONSTRAINT tasks_description_multi_line CHECK (keel_is_multi_line(description));
--> statement-breakpoint
ALTER TABLE contact_requests ADD CONSTRAINT contact_requests_name_single_line CHECK (keel_is_single_line(name));
--> statement-breakpoint
ALTER TABLE contact_requests ADD CONSTRAINT contact_requests_message_multi_line CHECK (keel_is_multi_line(message));
