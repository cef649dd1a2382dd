CREATE TABLE "companies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"naics_code" text NOT NULL,
	"sector_fr" text DEFAULT '' NOT NULL,
	"sector_en" text DEFAULT '' NOT NULL,
	"municipality_org_id" uuid NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"size" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"benefits_fr" text DEFAULT '' NOT NULL,
	"benefits_en" text DEFAULT '' NOT NULL,
	"website" text,
	"logo_file_id" uuid,
	"housing_help" boolean DEFAULT false NOT NULL,
	"relocation_help" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"directory_listed" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "company_invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"company_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text DEFAULT 'recruiter' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_account_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "company_invitations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "company_members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "company_members_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_offers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"company_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"noc_code" text NOT NULL,
	"teer" integer NOT NULL,
	"description" text NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"wage_min_cents" integer,
	"wage_max_cents" integer,
	"wage_unit" text DEFAULT 'hour' NOT NULL,
	"hours_per_week" integer NOT NULL,
	"permanence" text NOT NULL,
	"start_date" date,
	"municipality_org_id" uuid NOT NULL,
	"french_min_nclc" integer,
	"english_min_clb" integer,
	"housing_help" boolean DEFAULT false NOT NULL,
	"relocation_help" boolean DEFAULT false NOT NULL,
	"spouse_job_help" boolean DEFAULT false NOT NULL,
	"permit_support" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"moderation_note" text,
	"moderated_by_account_id" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"hires_reported" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_offers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_match_messages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"match_id" uuid NOT NULL,
	"sender_account_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "job_match_messages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_matches" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"offer_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"factors" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"candidate_interest_at" timestamp with time zone,
	"employer_interest_at" timestamp with time zone,
	"employer_interest_by" uuid,
	"mutual_at" timestamp with time zone,
	"candidate_declined_at" timestamp with time zone,
	"employer_declined_at" timestamp with time zone,
	"hired_at" timestamp with time zone,
	"candidate_notified_at" timestamp with time zone,
	"employer_notified_at" timestamp with time zone,
	CONSTRAINT "job_matches_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_alert_subscriptions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	CONSTRAINT "citizen_alert_subscriptions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_alerts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"msg_type" text NOT NULL,
	"status" text NOT NULL,
	"state" text NOT NULL,
	"references_id" uuid,
	"root_id" uuid NOT NULL,
	"event_code" text NOT NULL,
	"urgency" text NOT NULL,
	"severity" text NOT NULL,
	"certainty" text NOT NULL,
	"headline_fr" text NOT NULL,
	"headline_en" text NOT NULL,
	"description_fr" text NOT NULL,
	"description_en" text NOT NULL,
	"instruction_fr" text NOT NULL,
	"instruction_en" text NOT NULL,
	"area_desc_fr" text NOT NULL,
	"area_desc_en" text NOT NULL,
	"area" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"sent_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"campaign_id" uuid,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "citizen_alerts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_municipality_org_id_organisations_id_fk" FOREIGN KEY ("municipality_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_logo_fk" FOREIGN KEY ("org_id","logo_file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_invited_by_account_id_accounts_id_fk" FOREIGN KEY ("invited_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."companies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_members" ADD CONSTRAINT "company_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_members" ADD CONSTRAINT "company_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_members" ADD CONSTRAINT "company_members_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."companies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offers" ADD CONSTRAINT "job_offers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offers" ADD CONSTRAINT "job_offers_municipality_org_id_organisations_id_fk" FOREIGN KEY ("municipality_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offers" ADD CONSTRAINT "job_offers_moderated_by_account_id_accounts_id_fk" FOREIGN KEY ("moderated_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_offers" ADD CONSTRAINT "job_offers_company_fk" FOREIGN KEY ("org_id","company_id") REFERENCES "public"."companies"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_match_messages" ADD CONSTRAINT "job_match_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_match_messages" ADD CONSTRAINT "job_match_messages_sender_account_id_accounts_id_fk" FOREIGN KEY ("sender_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_match_messages" ADD CONSTRAINT "job_match_messages_match_fk" FOREIGN KEY ("org_id","match_id") REFERENCES "public"."job_matches"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_matches" ADD CONSTRAINT "job_matches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_matches" ADD CONSTRAINT "job_matches_employer_interest_by_accounts_id_fk" FOREIGN KEY ("employer_interest_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_matches" ADD CONSTRAINT "job_matches_offer_fk" FOREIGN KEY ("org_id","offer_id") REFERENCES "public"."job_offers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_matches" ADD CONSTRAINT "job_matches_candidate_fk" FOREIGN KEY ("org_id","candidate_id") REFERENCES "public"."candidate_profiles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alert_subscriptions" ADD CONSTRAINT "citizen_alert_subscriptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alert_subscriptions" ADD CONSTRAINT "citizen_alert_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alerts" ADD CONSTRAINT "citizen_alerts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alerts" ADD CONSTRAINT "citizen_alerts_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alerts" ADD CONSTRAINT "citizen_alerts_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alerts" ADD CONSTRAINT "citizen_alerts_org_id_references_id_citizen_alerts_org_id_id_fk" FOREIGN KEY ("org_id","references_id") REFERENCES "public"."citizen_alerts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_slug_idx" ON "companies" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "companies_status_idx" ON "companies" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "company_invitations_token_idx" ON "company_invitations" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "company_members_unique_idx" ON "company_members" USING btree ("org_id","company_id","account_id");--> statement-breakpoint
CREATE INDEX "company_members_account_idx" ON "company_members" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_offers_reference_idx" ON "job_offers" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "job_offers_company_idx" ON "job_offers" USING btree ("org_id","company_id","status");--> statement-breakpoint
CREATE INDEX "job_offers_status_idx" ON "job_offers" USING btree ("org_id","status","expires_at");--> statement-breakpoint
CREATE INDEX "job_match_messages_match_idx" ON "job_match_messages" USING btree ("org_id","match_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_matches_pair_idx" ON "job_matches" USING btree ("org_id","offer_id","candidate_id");--> statement-breakpoint
CREATE INDEX "job_matches_offer_score_idx" ON "job_matches" USING btree ("org_id","offer_id","score");--> statement-breakpoint
CREATE INDEX "job_matches_candidate_idx" ON "job_matches" USING btree ("org_id","candidate_id","score");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_alert_subscriptions_account_idx" ON "citizen_alert_subscriptions" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "citizen_alerts_org_sent_idx" ON "citizen_alerts" USING btree ("org_id","sent_at");--> statement-breakpoint
CREATE INDEX "citizen_alerts_root_idx" ON "citizen_alerts" USING btree ("org_id","root_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_alerts_references_key" ON "citizen_alerts" USING btree ("org_id","references_id") WHERE "citizen_alerts"."state" <> 'rejected';