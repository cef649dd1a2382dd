CREATE TABLE "citizen_consultation_meetings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "citizen_consultation_meetings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "citizen_consultation_meetings_capacity" CHECK ("citizen_consultation_meetings"."registered" >= 0 AND "citizen_consultation_meetings"."registered" <= "citizen_consultation_meetings"."capacity")
);
--> statement-breakpoint
CREATE TABLE "citizen_consultations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"context_fr" text NOT NULL,
	"context_en" text NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"survey_id" uuid,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closing_summary_fr" text,
	"closing_summary_en" text,
	"created_by" uuid,
	CONSTRAINT "citizen_consultations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_consultation_contributions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"account_id" uuid,
	"author_name" text NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"moderation_reason" text,
	"moderated_by" uuid,
	"supports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "citizen_consultation_contributions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_consultation_followers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "citizen_consultation_followers_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_consultation_meeting_registrations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "citizen_consultation_meeting_registrations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_consultation_supports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "citizen_consultation_supports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "citizen_consultation_meetings" ADD CONSTRAINT "citizen_consultation_meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_meetings" ADD CONSTRAINT "citizen_consultation_meetings_org_id_consultation_id_citizen_consultations_org_id_id_fk" FOREIGN KEY ("org_id","consultation_id") REFERENCES "public"."citizen_consultations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultations" ADD CONSTRAINT "citizen_consultations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultations" ADD CONSTRAINT "citizen_consultations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_contributions" ADD CONSTRAINT "citizen_consultation_contributions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_contributions" ADD CONSTRAINT "citizen_consultation_contributions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_contributions" ADD CONSTRAINT "citizen_consultation_contributions_moderated_by_accounts_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_contributions" ADD CONSTRAINT "citizen_consultation_contributions_org_id_consultation_id_citizen_consultations_org_id_id_fk" FOREIGN KEY ("org_id","consultation_id") REFERENCES "public"."citizen_consultations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_contributions" ADD CONSTRAINT "citizen_consultation_contributions_org_id_parent_id_citizen_consultation_contributions_org_id_id_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."citizen_consultation_contributions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_followers" ADD CONSTRAINT "citizen_consultation_followers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_followers" ADD CONSTRAINT "citizen_consultation_followers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_followers" ADD CONSTRAINT "citizen_consultation_followers_org_id_consultation_id_citizen_consultations_org_id_id_fk" FOREIGN KEY ("org_id","consultation_id") REFERENCES "public"."citizen_consultations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_meeting_registrations" ADD CONSTRAINT "citizen_consultation_meeting_registrations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_meeting_registrations" ADD CONSTRAINT "citizen_consultation_meeting_registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_meeting_registrations" ADD CONSTRAINT "citizen_consultation_meeting_registrations_org_id_meeting_id_citizen_consultation_meetings_org_id_id_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."citizen_consultation_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_supports" ADD CONSTRAINT "citizen_consultation_supports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_supports" ADD CONSTRAINT "citizen_consultation_supports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consultation_supports" ADD CONSTRAINT "citizen_consultation_supports_org_id_contribution_id_citizen_consultation_contributions_org_id_id_fk" FOREIGN KEY ("org_id","contribution_id") REFERENCES "public"."citizen_consultation_contributions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_consultation_meetings_idx" ON "citizen_consultation_meetings" USING btree ("org_id","consultation_id","starts_at");--> statement-breakpoint
CREATE INDEX "citizen_consultations_org_idx" ON "citizen_consultations" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "citizen_consultation_contributions_idx" ON "citizen_consultation_contributions" USING btree ("org_id","consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "citizen_consultation_contributions_queue_idx" ON "citizen_consultation_contributions" USING btree ("org_id","reviewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_consultation_followers_once" ON "citizen_consultation_followers" USING btree ("org_id","consultation_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_consultation_meeting_registrations_once" ON "citizen_consultation_meeting_registrations" USING btree ("org_id","meeting_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_consultation_supports_once" ON "citizen_consultation_supports" USING btree ("org_id","contribution_id","account_id");