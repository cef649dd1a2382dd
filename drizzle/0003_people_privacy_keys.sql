DROP INDEX "persons_account_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "persons_account_key" ON "persons" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "deletion_requests_account_idx" ON "deletion_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_requests_one_open_key" ON "deletion_requests" USING btree ("account_id") WHERE status = 'open';