CREATE TABLE "transit_booking_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service_date" text NOT NULL,
	"outcome" text NOT NULL,
	"passengers" integer NOT NULL,
	"trip_id" uuid,
	CONSTRAINT "transit_booking_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "transit_booking_requests" ADD CONSTRAINT "transit_booking_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transit_booking_requests_day_idx" ON "transit_booking_requests" USING btree ("org_id","service_date");