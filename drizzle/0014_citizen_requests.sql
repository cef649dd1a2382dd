CREATE TABLE "open311_api_keys" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"rate_per_minute" integer DEFAULT 60 NOT NULL,
	"window_started_at" timestamp with time zone,
	"window_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "open311_api_keys_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"group_fr" text,
	"group_en" text,
	"keywords" text,
	"department_id" uuid,
	"sensitive" boolean DEFAULT false NOT NULL,
	"ack_days" integer,
	"resolve_days" integer,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_categories_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_departments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "request_departments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visibility" text NOT NULL,
	"actor_account_id" uuid,
	"actor_kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"body" text,
	"data" jsonb,
	CONSTRAINT "request_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_followers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"account_id" uuid,
	"email" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"role" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"code_hash" text,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"code_expires_at" timestamp with time zone,
	"codes_sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_followers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_photos" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"event_id" uuid,
	CONSTRAINT "request_photos_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_reply_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"body_fr" text NOT NULL,
	"body_en" text NOT NULL,
	"status" text,
	CONSTRAINT "request_reply_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_settings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reopen_days" integer DEFAULT 30 NOT NULL,
	"grid_metres" integer DEFAULT 250 NOT NULL,
	"nearby_metres" integer DEFAULT 200 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_settings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_statuses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"phase" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "request_statuses_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text NOT NULL,
	"category_id" uuid NOT NULL,
	"department_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"phase" text DEFAULT 'submitted' NOT NULL,
	"description" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"public_latitude" double precision NOT NULL,
	"public_longitude" double precision NOT NULL,
	"address" text,
	"source" text DEFAULT 'web' NOT NULL,
	"api_key_id" uuid,
	"reporter_account_id" uuid,
	"reporter_email" text,
	"reporter_name" text,
	"locale" text DEFAULT 'fr' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"assignee_account_id" uuid,
	"ack_due_at" timestamp with time zone,
	"resolve_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"ack_alerted_at" timestamp with time zone,
	"resolve_alerted_at" timestamp with time zone,
	"public_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_categories" ADD CONSTRAINT "request_categories_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_categories" ADD CONSTRAINT "request_categories_org_id_department_id_request_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."request_departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_departments" ADD CONSTRAINT "request_departments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_org_id_request_id_service_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."service_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_followers" ADD CONSTRAINT "request_followers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_followers" ADD CONSTRAINT "request_followers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_followers" ADD CONSTRAINT "request_followers_org_id_request_id_service_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."service_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_org_id_request_id_service_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."service_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_org_id_file_id_files_org_id_id_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_reply_templates" ADD CONSTRAINT "request_reply_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_settings" ADD CONSTRAINT "request_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_statuses" ADD CONSTRAINT "request_statuses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_reporter_account_id_accounts_id_fk" FOREIGN KEY ("reporter_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_assignee_account_id_accounts_id_fk" FOREIGN KEY ("assignee_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_org_id_category_id_request_categories_org_id_id_fk" FOREIGN KEY ("org_id","category_id") REFERENCES "public"."request_categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_org_id_department_id_request_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."request_departments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_org_id_merged_into_id_service_requests_org_id_id_fk" FOREIGN KEY ("org_id","merged_into_id") REFERENCES "public"."service_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_org_prefix_key" ON "open311_api_keys" USING btree ("org_id","prefix");--> statement-breakpoint
CREATE INDEX "open311_api_keys_org_created_idx" ON "open311_api_keys" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_categories_org_code_key" ON "request_categories" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "request_departments_org_code_key" ON "request_departments" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "request_events_org_request_idx" ON "request_events" USING btree ("org_id","request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_followers_org_request_account_key" ON "request_followers" USING btree ("org_id","request_id","account_id") WHERE account_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "request_followers_org_request_email_key" ON "request_followers" USING btree ("org_id","request_id",lower("email")) WHERE account_id IS NULL;--> statement-breakpoint
CREATE INDEX "request_followers_org_account_idx" ON "request_followers" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_photos_org_file_key" ON "request_photos" USING btree ("org_id","file_id");--> statement-breakpoint
CREATE INDEX "request_photos_org_request_idx" ON "request_photos" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE INDEX "request_reply_templates_org_name_idx" ON "request_reply_templates" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "request_settings_org_key" ON "request_settings" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_statuses_org_code_key" ON "request_statuses" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_org_reference_key" ON "service_requests" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "service_requests_org_phase_idx" ON "service_requests" USING btree ("org_id","phase","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_org_category_idx" ON "service_requests" USING btree ("org_id","category_id","phase");--> statement-breakpoint
CREATE INDEX "service_requests_org_department_idx" ON "service_requests" USING btree ("org_id","department_id","phase");--> statement-breakpoint
CREATE INDEX "service_requests_org_assignee_idx" ON "service_requests" USING btree ("org_id","assignee_account_id","phase");--> statement-breakpoint
CREATE INDEX "service_requests_org_reporter_idx" ON "service_requests" USING btree ("org_id","reporter_account_id");--> statement-breakpoint
CREATE INDEX "service_requests_org_position_idx" ON "service_requests" USING btree ("org_id","public_latitude","public_longitude");--> statement-breakpoint
CREATE INDEX "service_requests_org_updated_idx" ON "service_requests" USING btree ("org_id","updated_at");