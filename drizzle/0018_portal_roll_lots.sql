CREATE TABLE "roll_lots" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"lot" text NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "roll_lots_org_id_import_id_lot_unit_id_pk" PRIMARY KEY("org_id","import_id","lot","unit_id")
);
--> statement-breakpoint
DROP INDEX "roll_units_lots_idx";--> statement-breakpoint
ALTER TABLE "roll_lots" ADD CONSTRAINT "roll_lots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_lots" ADD CONSTRAINT "roll_lots_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."roll_units"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roll_units_civic_idx" ON "roll_units" USING btree ("org_id","import_id","civic_from");