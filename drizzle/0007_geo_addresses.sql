CREATE TABLE "address_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" uuid,
	"format" text NOT NULL,
	"file_name" text,
	"status" text DEFAULT 'previewed' NOT NULL,
	"columns" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"delimiter" text,
	"content" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "address_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"civic_number" integer NOT NULL,
	"civic_suffix" text,
	"street_type" text,
	"street_name" text NOT NULL,
	"unit" text,
	"municipality" text,
	"postal_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (civique_address_search_text("civic_number", "civic_suffix", "street_type", "street_name", "unit", "municipality")) STORED NOT NULL,
	"address_key" text GENERATED ALWAYS AS (civique_address_key("civic_number", "civic_suffix", "street_type", "street_name", "unit", "municipality")) STORED NOT NULL,
	CONSTRAINT "addresses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "addresses_civic_positive" CHECK ("addresses"."civic_number" > 0),
	CONSTRAINT "addresses_position_complete" CHECK (("addresses"."latitude" IS NULL) = ("addresses"."longitude" IS NULL) AND coalesce("addresses"."latitude" BETWEEN -90 AND 90 AND "addresses"."longitude" BETWEEN -180 AND 180, true))
);
--> statement-breakpoint
ALTER TABLE "address_imports" ADD CONSTRAINT "address_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_imports" ADD CONSTRAINT "address_imports_started_by_accounts_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "address_imports_status_idx" ON "address_imports" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "addresses_key_idx" ON "addresses" USING btree ("org_id","address_key");--> statement-breakpoint
CREATE INDEX "addresses_search_idx" ON "addresses" USING gin ("org_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "addresses_civic_idx" ON "addresses" USING btree ("org_id","civic_number");--> statement-breakpoint
CREATE INDEX "addresses_position_idx" ON "addresses" USING btree ("org_id","latitude","longitude");