CREATE TABLE "noc_classes" (
	"code" text PRIMARY KEY NOT NULL,
	"level" integer NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"definition_en" text,
	"definition_fr" text,
	"source" text DEFAULT 'shipped' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "citizen_survey_participations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"survey_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "citizen_survey_participations_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "citizen_survey_responses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"survey_id" uuid NOT NULL,
	"account_id" uuid,
	"answers" jsonb NOT NULL,
	CONSTRAINT "citizen_survey_responses_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "citizen_surveys" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"intro_fr" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"audience" text NOT NULL,
	"segment_postal_prefixes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anonymous" boolean NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"results_published_at" timestamp with time zone,
	"consultation_id" uuid,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_surveys_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_absences" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employee_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "callback_absences_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_availabilities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employee_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"slots" jsonb NOT NULL,
	"declared_by" uuid,
	CONSTRAINT "callback_availabilities_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_employees" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employee_number" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"account_id" uuid,
	"job_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"seniority_hours" double precision DEFAULT 0 NOT NULL,
	"seniority_date" date,
	"email" text,
	"phone" text,
	"channels" text[] DEFAULT '{email}'::text[] NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_employees_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_log" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"need_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"employee_id" uuid,
	"rank" integer,
	"reason" text,
	"actor_account_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "callback_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_needs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text NOT NULL,
	"job_class" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rules" jsonb NOT NULL,
	"filled_by" uuid,
	"filled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "callback_needs_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_offers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"need_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	"hours" double precision NOT NULL,
	CONSTRAINT "callback_offers_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"job_class" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "callback_union_reps" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"union_name" text DEFAULT '' NOT NULL,
	CONSTRAINT "callback_union_reps_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_devices" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "ops_devices_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_measures" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"station_id" uuid NOT NULL,
	"code" text NOT NULL,
	"unit" text NOT NULL,
	"valid_min" double precision,
	"valid_max" double precision,
	CONSTRAINT "ops_measures_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_reading_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"station_id" uuid NOT NULL,
	"started_by" uuid,
	"file_name" text,
	"status" text DEFAULT 'previewed' NOT NULL,
	"columns" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"content" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_reading_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_readings" (
	"org_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"direction" text DEFAULT '' NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "ops_readings_pk" PRIMARY KEY("org_id","measure_id","direction","observed_at")
);--> statement-breakpoint
CREATE TABLE "ops_rollups" (
	"org_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"direction" text DEFAULT '' NOT NULL,
	"grain" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"n" integer NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	CONSTRAINT "ops_rollups_pk" PRIMARY KEY("org_id","measure_id","grain","direction","bucket")
);--> statement-breakpoint
CREATE TABLE "ops_station_kinds" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "ops_station_kinds_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_stations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"population_served" integer,
	"network_extremity" boolean DEFAULT false NOT NULL,
	"directions" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_stations_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_report_definitions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"content" jsonb NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_report_definitions_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_report_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"definition_id" uuid NOT NULL,
	"period" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"pdf" "bytea",
	"xlsx" "bytea",
	"error" text,
	"finished_at" timestamp with time zone,
	CONSTRAINT "ops_report_runs_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_transmissions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"template" text NOT NULL,
	"period" date NOT NULL,
	"recipient" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'generated' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"corrects_id" uuid,
	"created_by" uuid,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	CONSTRAINT "ops_transmissions_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_alarms" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"station_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"threshold_id" uuid NOT NULL,
	"severity" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"worst_value" double precision NOT NULL,
	"readings_out_of_range" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"escalation_level" integer DEFAULT 1 NOT NULL,
	"last_notified_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"note" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "ops_alarms_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_exceedances" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sample_id" uuid NOT NULL,
	"parameter" text NOT NULL,
	"value" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"boil_water_notice" boolean DEFAULT false NOT NULL,
	"notice_issued_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "ops_exceedances_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_on_call" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "ops_on_call_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_samples" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"station_id" uuid NOT NULL,
	"planned_for" date NOT NULL,
	"purpose" text DEFAULT 'routine' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"taken_at" timestamp with time zone,
	"laboratory" text,
	"e_coli" integer,
	"total_coliforms" integer,
	"free_chlorine" double precision,
	"compliant" boolean,
	"resulted_at" timestamp with time zone,
	"exceedance_id" uuid,
	CONSTRAINT "ops_samples_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "ops_thresholds" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"measure_id" uuid NOT NULL,
	"min" double precision,
	"max" double precision,
	"severity" text NOT NULL,
	"basis" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "ops_thresholds_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_drivers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "transit_drivers_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_fare_products" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"price_cents" integer NOT NULL,
	"rides" integer,
	"validity_days" integer,
	"reduced" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "transit_fare_products_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_services" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"phone" text,
	"url" text,
	"hours" jsonb NOT NULL,
	"closed_dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"rules" jsonb NOT NULL,
	"detour_factor" double precision DEFAULT 1.3 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transit_services_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_shifts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"driver_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"depot_latitude" double precision NOT NULL,
	"depot_longitude" double precision NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "transit_shifts_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_stops" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"zone_id" uuid,
	"wheelchair_accessible" boolean DEFAULT false NOT NULL,
	"shelter" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "transit_stops_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_vehicles" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"label" text NOT NULL,
	"plate" text DEFAULT '' NOT NULL,
	"seats" integer NOT NULL,
	"wheelchair_places" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_latitude" double precision,
	"last_longitude" double precision,
	"last_bearing" double precision,
	"last_speed_kmh" double precision,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "transit_vehicles_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
CREATE TABLE "transit_zones" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"speed_kmh" double precision DEFAULT 35 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "transit_zones_org_id_id_pk" PRIMARY KEY("org_id","id")
);--> statement-breakpoint
ALTER TABLE "citizen_survey_participations" ADD CONSTRAINT "citizen_survey_participations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_survey_participations" ADD CONSTRAINT "citizen_survey_participations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_survey_participations" ADD CONSTRAINT "citizen_survey_participations_org_id_survey_id_citizen_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."citizen_surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_survey_responses" ADD CONSTRAINT "citizen_survey_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_survey_responses" ADD CONSTRAINT "citizen_survey_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_survey_responses" ADD CONSTRAINT "citizen_survey_responses_org_id_survey_id_citizen_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."citizen_surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_surveys" ADD CONSTRAINT "citizen_surveys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_surveys" ADD CONSTRAINT "citizen_surveys_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_absences" ADD CONSTRAINT "callback_absences_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_absences" ADD CONSTRAINT "callback_absences_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."callback_employees"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_availabilities" ADD CONSTRAINT "callback_availabilities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_availabilities" ADD CONSTRAINT "callback_availabilities_declared_by_accounts_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_availabilities" ADD CONSTRAINT "callback_availabilities_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."callback_employees"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_employees" ADD CONSTRAINT "callback_employees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_employees" ADD CONSTRAINT "callback_employees_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_log" ADD CONSTRAINT "callback_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_log" ADD CONSTRAINT "callback_log_need_fk" FOREIGN KEY ("org_id","need_id") REFERENCES "public"."callback_needs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_needs" ADD CONSTRAINT "callback_needs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_needs" ADD CONSTRAINT "callback_needs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_needs" ADD CONSTRAINT "callback_needs_filled_by_fk" FOREIGN KEY ("org_id","filled_by") REFERENCES "public"."callback_employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_offers" ADD CONSTRAINT "callback_offers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_offers" ADD CONSTRAINT "callback_offers_need_fk" FOREIGN KEY ("org_id","need_id") REFERENCES "public"."callback_needs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_offers" ADD CONSTRAINT "callback_offers_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."callback_employees"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_rules" ADD CONSTRAINT "callback_rules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_union_reps" ADD CONSTRAINT "callback_union_reps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_union_reps" ADD CONSTRAINT "callback_union_reps_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_devices" ADD CONSTRAINT "ops_devices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_devices" ADD CONSTRAINT "ops_devices_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_devices" ADD CONSTRAINT "ops_devices_station_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."ops_stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_measures" ADD CONSTRAINT "ops_measures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_measures" ADD CONSTRAINT "ops_measures_station_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."ops_stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_reading_imports" ADD CONSTRAINT "ops_reading_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_reading_imports" ADD CONSTRAINT "ops_reading_imports_started_by_accounts_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_reading_imports" ADD CONSTRAINT "ops_reading_imports_station_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."ops_stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_readings" ADD CONSTRAINT "ops_readings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_readings" ADD CONSTRAINT "ops_readings_measure_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."ops_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_rollups" ADD CONSTRAINT "ops_rollups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_rollups" ADD CONSTRAINT "ops_rollups_measure_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."ops_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_station_kinds" ADD CONSTRAINT "ops_station_kinds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_stations" ADD CONSTRAINT "ops_stations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_report_definitions" ADD CONSTRAINT "ops_report_definitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_report_definitions" ADD CONSTRAINT "ops_report_definitions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_report_runs" ADD CONSTRAINT "ops_report_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_report_runs" ADD CONSTRAINT "ops_report_runs_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_report_runs" ADD CONSTRAINT "ops_report_runs_definition_fk" FOREIGN KEY ("org_id","definition_id") REFERENCES "public"."ops_report_definitions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_transmissions" ADD CONSTRAINT "ops_transmissions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_transmissions" ADD CONSTRAINT "ops_transmissions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_transmissions" ADD CONSTRAINT "ops_transmissions_sent_by_accounts_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_alarms" ADD CONSTRAINT "ops_alarms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_alarms" ADD CONSTRAINT "ops_alarms_acknowledged_by_accounts_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_alarms" ADD CONSTRAINT "ops_alarms_station_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."ops_stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_alarms" ADD CONSTRAINT "ops_alarms_threshold_fk" FOREIGN KEY ("org_id","threshold_id") REFERENCES "public"."ops_thresholds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_exceedances" ADD CONSTRAINT "ops_exceedances_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_exceedances" ADD CONSTRAINT "ops_exceedances_sample_fk" FOREIGN KEY ("org_id","sample_id") REFERENCES "public"."ops_samples"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_on_call" ADD CONSTRAINT "ops_on_call_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_on_call" ADD CONSTRAINT "ops_on_call_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_samples" ADD CONSTRAINT "ops_samples_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_samples" ADD CONSTRAINT "ops_samples_station_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."ops_stations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_thresholds" ADD CONSTRAINT "ops_thresholds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_thresholds" ADD CONSTRAINT "ops_thresholds_measure_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."ops_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_drivers" ADD CONSTRAINT "transit_drivers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_drivers" ADD CONSTRAINT "transit_drivers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_products" ADD CONSTRAINT "transit_fare_products_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_services" ADD CONSTRAINT "transit_services_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_shifts" ADD CONSTRAINT "transit_shifts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_shifts" ADD CONSTRAINT "transit_shifts_vehicle_fk" FOREIGN KEY ("org_id","vehicle_id") REFERENCES "public"."transit_vehicles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_shifts" ADD CONSTRAINT "transit_shifts_driver_fk" FOREIGN KEY ("org_id","driver_id") REFERENCES "public"."transit_drivers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_stops" ADD CONSTRAINT "transit_stops_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_stops" ADD CONSTRAINT "transit_stops_zone_fk" FOREIGN KEY ("org_id","zone_id") REFERENCES "public"."transit_zones"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_vehicles" ADD CONSTRAINT "transit_vehicles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_zones" ADD CONSTRAINT "transit_zones_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "noc_classes_level_idx" ON "noc_classes" USING btree ("level","code");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_survey_participations_once_idx" ON "citizen_survey_participations" USING btree ("org_id","survey_id","account_id");--> statement-breakpoint
CREATE INDEX "citizen_survey_responses_survey_idx" ON "citizen_survey_responses" USING btree ("org_id","survey_id");--> statement-breakpoint
CREATE INDEX "citizen_surveys_org_dates_idx" ON "citizen_surveys" USING btree ("org_id","closes_at");--> statement-breakpoint
CREATE INDEX "callback_absences_employee_idx" ON "callback_absences" USING btree ("org_id","employee_id","starts_at");--> statement-breakpoint
CREATE INDEX "callback_availabilities_employee_idx" ON "callback_availabilities" USING btree ("org_id","employee_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_employees_number_idx" ON "callback_employees" USING btree ("org_id","employee_number");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_employees_account_idx" ON "callback_employees" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_log_seq_idx" ON "callback_log" USING btree ("org_id","need_id","seq");--> statement-breakpoint
CREATE INDEX "callback_log_employee_idx" ON "callback_log" USING btree ("org_id","employee_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_needs_reference_idx" ON "callback_needs" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "callback_needs_status_idx" ON "callback_needs" USING btree ("org_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "callback_needs_filled_by_idx" ON "callback_needs" USING btree ("org_id","filled_by","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_offers_need_employee_idx" ON "callback_offers" USING btree ("org_id","need_id","employee_id");--> statement-breakpoint
CREATE INDEX "callback_offers_employee_idx" ON "callback_offers" USING btree ("org_id","employee_id","offered_at");--> statement-breakpoint
CREATE INDEX "callback_offers_pending_idx" ON "callback_offers" USING btree ("org_id","status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_rules_class_idx" ON "callback_rules" USING btree ("org_id","job_class");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_union_reps_account_idx" ON "callback_union_reps" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "ops_devices_station_idx" ON "ops_devices" USING btree ("org_id","station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_measures_station_code_idx" ON "ops_measures" USING btree ("org_id","station_id","code");--> statement-breakpoint
CREATE INDEX "ops_reading_imports_station_idx" ON "ops_reading_imports" USING btree ("org_id","station_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_station_kinds_code_idx" ON "ops_station_kinds" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_stations_code_idx" ON "ops_stations" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "ops_stations_kind_idx" ON "ops_stations" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "ops_report_definitions_active_idx" ON "ops_report_definitions" USING btree ("org_id","active");--> statement-breakpoint
CREATE INDEX "ops_report_runs_definition_idx" ON "ops_report_runs" USING btree ("org_id","definition_id","period");--> statement-breakpoint
CREATE INDEX "ops_transmissions_period_idx" ON "ops_transmissions" USING btree ("org_id","template","period");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_alarms_one_open_idx" ON "ops_alarms" USING btree ("org_id","threshold_id") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "ops_alarms_status_idx" ON "ops_alarms" USING btree ("org_id","status","observed_at");--> statement-breakpoint
CREATE INDEX "ops_exceedances_status_idx" ON "ops_exceedances" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_on_call_account_idx" ON "ops_on_call" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "ops_samples_planned_idx" ON "ops_samples" USING btree ("org_id","planned_for");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_thresholds_measure_idx" ON "ops_thresholds" USING btree ("org_id","measure_id","severity");--> statement-breakpoint
CREATE INDEX "transit_drivers_account_idx" ON "transit_drivers" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_fare_products_code_idx" ON "transit_fare_products" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_services_org_idx" ON "transit_services" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "transit_shifts_time_idx" ON "transit_shifts" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_stops_code_idx" ON "transit_stops" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_vehicles_label_idx" ON "transit_vehicles" USING btree ("org_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_zones_code_idx" ON "transit_zones" USING btree ("org_id","code");
