CREATE TABLE "permit_applications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text NOT NULL,
	"type_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"applicant_account_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"property_unit_id" uuid,
	"property_matricule" text,
	"property_address" text,
	"property_lots" text[] DEFAULT '{}'::text[] NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"description" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"order_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"conditions" text,
	"refusal_reason" text,
	"permit_number" text,
	"issued_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"inspection_at" timestamp with time zone,
	"final_inspection_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"verification_token" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_applications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "permit_documents" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"application_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "permit_documents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "permit_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"application_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"actor_account_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"message" text,
	"scheduled_at" timestamp with time zone,
	CONSTRAINT "permit_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "permit_types" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"fields" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"fee_rule" jsonb NOT NULL,
	"legal_delay_days" integer NOT NULL,
	"validity_months" integer DEFAULT 12 NOT NULL,
	"blds" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permit_types_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_applicant_account_id_accounts_id_fk" FOREIGN KEY ("applicant_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_type_fk" FOREIGN KEY ("org_id","type_id") REFERENCES "public"."permit_types"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_order_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_documents" ADD CONSTRAINT "permit_documents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_documents" ADD CONSTRAINT "permit_documents_application_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."permit_applications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_documents" ADD CONSTRAINT "permit_documents_file_fk" FOREIGN KEY ("org_id","file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_application_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."permit_applications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_types" ADD CONSTRAINT "permit_types_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_reference_idx" ON "permit_applications" USING btree ("org_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "permit_applications_token_idx" ON "permit_applications" USING btree ("org_id","verification_token");--> statement-breakpoint
CREATE INDEX "permit_applications_applicant_idx" ON "permit_applications" USING btree ("org_id","applicant_account_id","created_at");--> statement-breakpoint
CREATE INDEX "permit_applications_status_idx" ON "permit_applications" USING btree ("org_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "permit_applications_issued_idx" ON "permit_applications" USING btree ("org_id","issued_at");--> statement-breakpoint
CREATE INDEX "permit_documents_application_idx" ON "permit_documents" USING btree ("org_id","application_id");--> statement-breakpoint
CREATE INDEX "permit_events_application_idx" ON "permit_events" USING btree ("org_id","application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "permit_types_code_idx" ON "permit_types" USING btree ("org_id","code");