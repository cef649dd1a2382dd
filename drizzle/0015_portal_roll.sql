CREATE TABLE "roll_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"file_name" text NOT NULL,
	"municipality_code" text,
	"year" integer,
	"version" text,
	"bytes_total" bigint,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"units_read" integer DEFAULT 0 NOT NULL,
	"units_imported" integer DEFAULT 0 NOT NULL,
	"units_rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_code" text,
	"error_line" integer,
	"error_message" text,
	"created_by_account_id" uuid,
	"finished_at" timestamp with time zone,
	CONSTRAINT "roll_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "roll_streets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_id" uuid NOT NULL,
	"street_key" text NOT NULL,
	"label" text NOT NULL,
	"search_text" text GENERATED ALWAYS AS (civique_address_words("label")) STORED NOT NULL,
	CONSTRAINT "roll_streets_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "roll_units" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"line" integer NOT NULL,
	"matricule" text NOT NULL,
	"matricule_digits" text NOT NULL,
	"matricule_key" text NOT NULL,
	"matricule_parts" jsonb NOT NULL,
	"street_id" uuid,
	"civic_from" integer,
	"address_label" text,
	"addresses" jsonb NOT NULL,
	"lots" text[] NOT NULL,
	"cubf" text,
	"neighbourhood" text,
	"frontage" double precision,
	"area" double precision,
	"storeys" integer,
	"year_built" integer,
	"year_built_kind" text,
	"floor_area" double precision,
	"dwellings" integer,
	"reference_date" text,
	"land_value" bigint,
	"building_value" bigint,
	"total_value" bigint,
	"previous_value" bigint,
	"owners" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	CONSTRAINT "roll_units_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "roll_use_codes" (
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roll_use_codes_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
ALTER TABLE "roll_imports" ADD CONSTRAINT "roll_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_imports" ADD CONSTRAINT "roll_imports_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_streets" ADD CONSTRAINT "roll_streets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_streets" ADD CONSTRAINT "roll_streets_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."roll_imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_units" ADD CONSTRAINT "roll_units_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_units" ADD CONSTRAINT "roll_units_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."roll_imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_units" ADD CONSTRAINT "roll_units_street_fk" FOREIGN KEY ("org_id","street_id") REFERENCES "public"."roll_streets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_use_codes" ADD CONSTRAINT "roll_use_codes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roll_imports_org_year_idx" ON "roll_imports" USING btree ("org_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "roll_imports_one_running_idx" ON "roll_imports" USING btree ("org_id") WHERE "roll_imports"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "roll_streets_key_idx" ON "roll_streets" USING btree ("org_id","import_id","street_key");--> statement-breakpoint
CREATE INDEX "roll_streets_search_idx" ON "roll_streets" USING gin ("org_id","import_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "roll_units_matricule_key_idx" ON "roll_units" USING btree ("org_id","import_id","matricule_key");--> statement-breakpoint
CREATE INDEX "roll_units_matricule_idx" ON "roll_units" USING btree ("org_id","import_id","matricule_digits" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "roll_units_street_idx" ON "roll_units" USING btree ("org_id","import_id","street_id","civic_from");--> statement-breakpoint
CREATE INDEX "roll_units_lots_idx" ON "roll_units" USING gin ("org_id","lots");--> statement-breakpoint
CREATE INDEX "roll_units_position_idx" ON "roll_units" USING btree ("org_id","import_id","latitude","longitude");