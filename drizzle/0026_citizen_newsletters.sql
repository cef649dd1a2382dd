CREATE TABLE "citizen_newsletter_issues" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"list_id" uuid NOT NULL,
	"subject_fr" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_fr" text NOT NULL,
	"body_en" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"campaign_id" uuid,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_newsletter_issues_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_newsletter_lists" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "citizen_newsletter_lists_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_newsletter_subscriptions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"list_id" uuid NOT NULL,
	"account_id" uuid,
	"email" text,
	"locale" text NOT NULL,
	"status" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"consent_at" timestamp with time zone,
	"consent_source" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_version" text NOT NULL,
	"consent_locale" text NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "citizen_newsletter_subscriptions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "citizen_newsletter_issues" ADD CONSTRAINT "citizen_newsletter_issues_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_issues" ADD CONSTRAINT "citizen_newsletter_issues_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_issues" ADD CONSTRAINT "citizen_newsletter_issues_org_id_list_id_citizen_newsletter_lists_org_id_id_fk" FOREIGN KEY ("org_id","list_id") REFERENCES "public"."citizen_newsletter_lists"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_lists" ADD CONSTRAINT "citizen_newsletter_lists_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_subscriptions" ADD CONSTRAINT "citizen_newsletter_subscriptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_subscriptions" ADD CONSTRAINT "citizen_newsletter_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_newsletter_subscriptions" ADD CONSTRAINT "citizen_newsletter_subscriptions_org_id_list_id_citizen_newsletter_lists_org_id_id_fk" FOREIGN KEY ("org_id","list_id") REFERENCES "public"."citizen_newsletter_lists"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_newsletter_issues_list_idx" ON "citizen_newsletter_issues" USING btree ("org_id","list_id","sent_at");--> statement-breakpoint
CREATE INDEX "citizen_newsletter_issues_due_idx" ON "citizen_newsletter_issues" USING btree ("org_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "citizen_newsletter_lists_org_idx" ON "citizen_newsletter_lists" USING btree ("org_id","active");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_newsletter_subscriptions_account_idx" ON "citizen_newsletter_subscriptions" USING btree ("org_id","list_id","account_id") WHERE "citizen_newsletter_subscriptions"."account_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_newsletter_subscriptions_email_idx" ON "citizen_newsletter_subscriptions" USING btree ("org_id","list_id","email") WHERE "citizen_newsletter_subscriptions"."email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_newsletter_subscriptions_confirm_idx" ON "citizen_newsletter_subscriptions" USING btree ("org_id","confirm_token_hash");--> statement-breakpoint
CREATE INDEX "citizen_newsletter_subscriptions_list_idx" ON "citizen_newsletter_subscriptions" USING btree ("org_id","list_id","status");