CREATE TABLE "candidate_profiles" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"origin_country" text,
	"current_country" text,
	"experience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"french_nclc" integer,
	"english_clb" integer,
	"other_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"desired_noc_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"desired_municipality_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"available_from" date,
	"permit_situation" text DEFAULT 'needs_permit' NOT NULL,
	"family" jsonb DEFAULT '{"spouseJob":false,"schoolChildren":0,"daycareChildren":0,"housing":false}'::jsonb NOT NULL,
	"cv_file_id" uuid,
	"matching_enabled" boolean DEFAULT false NOT NULL,
	"digest_frequency" text DEFAULT 'weekly' NOT NULL,
	"last_digest_at" timestamp with time zone,
	"hired_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_profiles_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_cv_fk" FOREIGN KEY ("org_id","cv_file_id") REFERENCES "public"."files"("org_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_profiles_account_idx" ON "candidate_profiles" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "candidate_profiles_matching_idx" ON "candidate_profiles" USING btree ("org_id","matching_enabled");