CREATE TABLE "transit_positions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"shift_id" uuid,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"bearing" double precision,
	"speed_kmh" double precision,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transit_positions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "transit_trips" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reference" text NOT NULL,
	"rider_account_id" uuid,
	"rider_name" text DEFAULT '' NOT NULL,
	"rider_phone" text DEFAULT '' NOT NULL,
	"booked_by_account_id" uuid,
	"pickup_stop_id" uuid NOT NULL,
	"dropoff_stop_id" uuid NOT NULL,
	"time_mode" text NOT NULL,
	"requested_time" timestamp with time zone NOT NULL,
	"passengers" integer NOT NULL,
	"wheelchairs" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"shift_id" uuid,
	"vehicle_id" uuid,
	"pickup_order" integer DEFAULT 0 NOT NULL,
	"dropoff_order" integer DEFAULT 0 NOT NULL,
	"promised_pickup_start" timestamp with time zone NOT NULL,
	"promised_pickup_end" timestamp with time zone NOT NULL,
	"planned_pickup_at" timestamp with time zone NOT NULL,
	"planned_dropoff_at" timestamp with time zone NOT NULL,
	"latest_dropoff_at" timestamp with time zone NOT NULL,
	"max_ride_minutes" double precision NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"return_of_trip_id" uuid,
	"fare_cents" integer DEFAULT 0 NOT NULL,
	"order_id" uuid,
	"penalty_cents" integer DEFAULT 0 NOT NULL,
	"arrived_at" timestamp with time zone,
	"picked_up_at" timestamp with time zone,
	"dropped_off_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"arrival_notice_sent" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transit_trips_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "candidate_profiles" DROP CONSTRAINT "candidate_profiles_cv_fk";
--> statement-breakpoint
ALTER TABLE "candidate_profiles" ALTER COLUMN "family" SET DEFAULT '{"spouseJob":false,"schoolChildren":0,"daycareChildren":0,"housing":false,"relocation":false}'::jsonb;--> statement-breakpoint
ALTER TABLE "transit_positions" ADD CONSTRAINT "transit_positions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_positions" ADD CONSTRAINT "transit_positions_vehicle_fk" FOREIGN KEY ("org_id","vehicle_id") REFERENCES "public"."transit_vehicles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_rider_account_id_accounts_id_fk" FOREIGN KEY ("rider_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_booked_by_account_id_accounts_id_fk" FOREIGN KEY ("booked_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_pickup_fk" FOREIGN KEY ("org_id","pickup_stop_id") REFERENCES "public"."transit_stops"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_dropoff_fk" FOREIGN KEY ("org_id","dropoff_stop_id") REFERENCES "public"."transit_stops"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_shift_fk" FOREIGN KEY ("org_id","shift_id") REFERENCES "public"."transit_shifts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_vehicle_fk" FOREIGN KEY ("org_id","vehicle_id") REFERENCES "public"."transit_vehicles"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_trips" ADD CONSTRAINT "transit_trips_order_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transit_positions_vehicle_idx" ON "transit_positions" USING btree ("org_id","vehicle_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_trips_reference_idx" ON "transit_trips" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "transit_trips_rider_idx" ON "transit_trips" USING btree ("org_id","rider_account_id","promised_pickup_start");--> statement-breakpoint
CREATE INDEX "transit_trips_shift_idx" ON "transit_trips" USING btree ("org_id","shift_id","status");--> statement-breakpoint
CREATE INDEX "transit_trips_time_idx" ON "transit_trips" USING btree ("org_id","promised_pickup_start");--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_cv_fk" FOREIGN KEY ("org_id","cv_file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;