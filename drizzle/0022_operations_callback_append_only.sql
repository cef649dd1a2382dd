-- The call-back grievance log is append-only: an entry, once written, can be neither changed nor removed.
CREATE OR REPLACE FUNCTION callback_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'callback_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER callback_log_no_update BEFORE UPDATE OR DELETE ON "callback_log"
  FOR EACH ROW EXECUTE FUNCTION callback_log_append_only();
--> statement-breakpoint
CREATE TRIGGER callback_log_no_truncate BEFORE TRUNCATE ON "callback_log"
  FOR EACH STATEMENT EXECUTE FUNCTION callback_log_append_only();
