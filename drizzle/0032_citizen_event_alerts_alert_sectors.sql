CREATE TABLE "citizen_alert_sectors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"points" jsonb NOT NULL,
	CONSTRAINT "citizen_alert_sectors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_alert_settings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_alerts_need_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_alert_settings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizen_event_alerts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"root_id" uuid,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "citizen_event_alerts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "citizen_alert_sectors" ADD CONSTRAINT "citizen_alert_sectors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_alert_settings" ADD CONSTRAINT "citizen_alert_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_event_alerts" ADD CONSTRAINT "citizen_event_alerts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_event_alerts" ADD CONSTRAINT "citizen_event_alerts_org_id_root_id_citizen_alerts_org_id_id_fk" FOREIGN KEY ("org_id","root_id") REFERENCES "public"."citizen_alerts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_alert_sectors_name_key" ON "citizen_alert_sectors" USING btree ("org_id","name_fr");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_alert_settings_org_key" ON "citizen_alert_settings" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_event_alerts_source_key" ON "citizen_event_alerts" USING btree ("org_id","source","source_id");