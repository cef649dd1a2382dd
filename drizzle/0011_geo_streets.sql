CREATE TABLE "address_streets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"street_type" text,
	"street_name" text NOT NULL,
	"municipality" text,
	"street_key" text GENERATED ALWAYS AS (civique_street_key("street_type", "street_name", "municipality")) STORED NOT NULL,
	"search_text" text GENERATED ALWAYS AS (civique_street_search_text("street_type", "street_name", "municipality")) STORED NOT NULL,
	CONSTRAINT "address_streets_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
DROP INDEX "addresses_search_idx";--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "street_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "address_streets" ADD CONSTRAINT "address_streets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "address_streets_key_idx" ON "address_streets" USING btree ("org_id","street_key");--> statement-breakpoint
CREATE INDEX "address_streets_search_idx" ON "address_streets" USING gin ("org_id","search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_street_fk" FOREIGN KEY ("org_id","street_id") REFERENCES "public"."address_streets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_street_idx" ON "addresses" USING btree ("org_id","street_id","civic_number");