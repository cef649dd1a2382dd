CREATE TABLE "citizen_activities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"season_id" uuid NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"facility" text NOT NULL,
	"instructor" text,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"age_reference_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"waitlist_seq" integer DEFAULT 0 NOT NULL,
	"price_resident_cents" integer NOT NULL,
	"price_partner_cents" integer NOT NULL,
	"price_non_resident_cents" integer NOT NULL,
	"allow_instalments" boolean DEFAULT false NOT NULL,
	"refund_full_days_before" integer DEFAULT 7 NOT NULL,
	"refund_percent_after" integer DEFAULT 50 NOT NULL,
	"cancellation_fee_cents" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_activities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "citizen_activities_places" CHECK ("citizen_activities"."taken" >= 0 AND "citizen_activities"."taken" <= "citizen_activities"."capacity"),
	CONSTRAINT "citizen_activities_ages" CHECK ("citizen_activities"."min_age" IS NULL OR "citizen_activities"."max_age" IS NULL OR "citizen_activities"."min_age" <= "citizen_activities"."max_age")
);
--> statement-breakpoint
CREATE TABLE "citizen_seasons" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"resident_opens_at" timestamp with time zone NOT NULL,
	"non_resident_opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"family_discounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hold_minutes" integer DEFAULT 30 NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"waiting_room_per_minute" integer,
	"waiting_room_from" timestamp with time zone,
	"waiting_room_until" timestamp with time zone,
	"queue_seq" bigint DEFAULT 0 NOT NULL,
	"queue_next_admit_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_seasons_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "citizen_seasons_windows" CHECK ("citizen_seasons"."resident_opens_at" <= "citizen_seasons"."non_resident_opens_at")
);
--> statement-breakpoint
CREATE TABLE "citizen_cards" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"revoked_by_account_id" uuid,
	"replaces_card_id" uuid,
	CONSTRAINT "citizen_cards_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_registrations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"account_id" uuid,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date,
	"status" text NOT NULL,
	"waitlist_position" integer,
	"price_category" text NOT NULL,
	"resident_org_id" uuid,
	"age_at_reference" integer,
	"list_price_cents" integer NOT NULL,
	"discount_percent" integer DEFAULT 0 NOT NULL,
	"amount_cents" integer NOT NULL,
	"order_id" uuid,
	"hold_expires_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_account_id" uuid,
	"refund_cents" integer,
	"source" text DEFAULT 'online' NOT NULL,
	"created_by_account_id" uuid,
	"confirmation_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_registrations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_claim_codes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "citizen_claim_codes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_household_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_account_id" uuid,
	"file_name" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"line_errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "citizen_household_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_household_record_members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"record_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"email" text,
	"phone" text,
	"card_number" text,
	CONSTRAINT "citizen_household_record_members_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_household_records" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"address_key" text NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_household_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_household_records_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_residencies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"household_id" uuid NOT NULL,
	"proof" text NOT NULL,
	"status" text NOT NULL,
	"address_id" uuid,
	"address_label" text,
	"postal_code" text,
	"file_id" uuid,
	"record_id" uuid,
	"starts_on" date,
	"expires_on" date,
	"submitted_by_account_id" uuid,
	"decided_by_account_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_residencies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "citizen_activities" ADD CONSTRAINT "citizen_activities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_activities" ADD CONSTRAINT "citizen_activities_season_fk" FOREIGN KEY ("org_id","season_id") REFERENCES "public"."citizen_seasons"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_seasons" ADD CONSTRAINT "citizen_seasons_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_cards" ADD CONSTRAINT "citizen_cards_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_cards" ADD CONSTRAINT "citizen_cards_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_cards" ADD CONSTRAINT "citizen_cards_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_cards" ADD CONSTRAINT "citizen_cards_revoked_by_account_id_accounts_id_fk" FOREIGN KEY ("revoked_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_cancelled_by_account_id_accounts_id_fk" FOREIGN KEY ("cancelled_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_registrations" ADD CONSTRAINT "citizen_registrations_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."citizen_activities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_claim_codes" ADD CONSTRAINT "citizen_claim_codes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_claim_codes" ADD CONSTRAINT "citizen_claim_codes_member_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."citizen_household_record_members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_imports" ADD CONSTRAINT "citizen_household_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_imports" ADD CONSTRAINT "citizen_household_imports_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_record_members" ADD CONSTRAINT "citizen_household_record_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_record_members" ADD CONSTRAINT "citizen_household_record_members_record_fk" FOREIGN KEY ("org_id","record_id") REFERENCES "public"."citizen_household_records"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_records" ADD CONSTRAINT "citizen_household_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_records" ADD CONSTRAINT "citizen_household_records_claimed_household_id_households_id_fk" FOREIGN KEY ("claimed_household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_household_records" ADD CONSTRAINT "citizen_household_records_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."citizen_household_imports"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_submitted_by_account_id_accounts_id_fk" FOREIGN KEY ("submitted_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_decided_by_account_id_accounts_id_fk" FOREIGN KEY ("decided_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_address_fk" FOREIGN KEY ("org_id","address_id") REFERENCES "public"."addresses"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_residencies" ADD CONSTRAINT "citizen_residencies_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_activities_org_code_key" ON "citizen_activities" USING btree ("org_id","season_id","code");--> statement-breakpoint
CREATE INDEX "citizen_activities_org_season_idx" ON "citizen_activities" USING btree ("org_id","season_id","category");--> statement-breakpoint
CREATE INDEX "citizen_seasons_org_starts_idx" ON "citizen_seasons" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_cards_number_key" ON "citizen_cards" USING btree ("org_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_cards_active_key" ON "citizen_cards" USING btree ("org_id","person_id") WHERE "citizen_cards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "citizen_cards_household_idx" ON "citizen_cards" USING btree ("org_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_registrations_active_key" ON "citizen_registrations" USING btree ("org_id","activity_id","person_id") WHERE "citizen_registrations"."status" IN ('pending_payment', 'confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX "citizen_registrations_activity_idx" ON "citizen_registrations" USING btree ("org_id","activity_id","status","waitlist_position");--> statement-breakpoint
CREATE INDEX "citizen_registrations_account_idx" ON "citizen_registrations" USING btree ("org_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "citizen_registrations_household_idx" ON "citizen_registrations" USING btree ("org_id","household_id","status");--> statement-breakpoint
CREATE INDEX "citizen_registrations_order_idx" ON "citizen_registrations" USING btree ("org_id","order_id");--> statement-breakpoint
CREATE INDEX "citizen_registrations_hold_idx" ON "citizen_registrations" USING btree ("org_id","status","hold_expires_at");--> statement-breakpoint
CREATE INDEX "citizen_registrations_offer_idx" ON "citizen_registrations" USING btree ("org_id","status","offer_expires_at");--> statement-breakpoint
CREATE INDEX "citizen_claim_codes_member_idx" ON "citizen_claim_codes" USING btree ("org_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "citizen_household_imports_org_idx" ON "citizen_household_imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "citizen_household_record_members_record_idx" ON "citizen_household_record_members" USING btree ("org_id","record_id");--> statement-breakpoint
CREATE INDEX "citizen_household_record_members_card_idx" ON "citizen_household_record_members" USING btree ("org_id","card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_household_records_ref_key" ON "citizen_household_records" USING btree ("org_id","external_ref");--> statement-breakpoint
CREATE INDEX "citizen_household_records_postal_idx" ON "citizen_household_records" USING btree ("org_id","postal_code","address_key");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_residencies_current_key" ON "citizen_residencies" USING btree ("org_id","household_id") WHERE "citizen_residencies"."status" IN ('pending', 'active');--> statement-breakpoint
CREATE INDEX "citizen_residencies_household_idx" ON "citizen_residencies" USING btree ("org_id","household_id","status");--> statement-breakpoint
CREATE INDEX "citizen_residencies_status_idx" ON "citizen_residencies" USING btree ("org_id","status","created_at");