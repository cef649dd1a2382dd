CREATE TABLE "transit_trip_series" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rider_account_id" uuid,
	"pickup_stop_id" uuid NOT NULL,
	"dropoff_stop_id" uuid NOT NULL,
	"time_mode" text NOT NULL,
	"local_time" text NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL,
	"passengers" integer NOT NULL,
	"wheelchairs" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "transit_trip_series_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "transit_trips" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "transit_trip_series" ADD CONSTRAINT "transit_trip_series_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trip_series" ADD CONSTRAINT "transit_trip_series_rider_account_id_accounts_id_fk" FOREIGN KEY ("rider_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transit_trip_series_rider_idx" ON "transit_trip_series" USING btree ("org_id","rider_account_id");--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_series_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."transit_trip_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transit_trips_series_idx" ON "transit_trips" USING btree ("org_id","series_id");