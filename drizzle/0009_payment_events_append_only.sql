-- The payment ledger is the evidence of every change of an order, its payments and refunds: rows are
-- added, never rewritten or removed (financial records are kept; orders are never deleted either).
CREATE TRIGGER payment_events_append_only BEFORE UPDATE OR DELETE ON "payment_events"
  FOR EACH ROW EXECUTE FUNCTION civique_refuse_update();
