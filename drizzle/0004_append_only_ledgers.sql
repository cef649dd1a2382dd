-- The consent ledger and the audit log are evidence (Law 25): rows are added, never rewritten.
-- Deleting stays possible for retention purges; changing a row in place is refused by the database.
CREATE OR REPLACE FUNCTION civique_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER consents_append_only BEFORE UPDATE ON "consents"
  FOR EACH ROW EXECUTE FUNCTION civique_refuse_update();--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION civique_refuse_update();
