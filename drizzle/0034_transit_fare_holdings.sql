CREATE TABLE "transit_fare_holdings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rides_total" integer,
	"rides_left" integer,
	"valid_from" text,
	"valid_until" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"order_id" uuid,
	CONSTRAINT "transit_fare_holdings_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "transit_fare_holdings_rides_check" CHECK ("transit_fare_holdings"."rides_left" IS NULL OR "transit_fare_holdings"."rides_left" >= 0)
);
--> statement-breakpoint
CREATE TABLE "transit_fare_uses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"holding_id" uuid NOT NULL,
	"trip_id" uuid NOT NULL,
	"rides" integer NOT NULL,
	"returned_at" timestamp with time zone,
	CONSTRAINT "transit_fare_uses_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "transit_fare_holdings" ADD CONSTRAINT "transit_fare_holdings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_holdings" ADD CONSTRAINT "transit_fare_holdings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_holdings" ADD CONSTRAINT "transit_fare_holdings_product_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."transit_fare_products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_holdings" ADD CONSTRAINT "transit_fare_holdings_order_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_uses" ADD CONSTRAINT "transit_fare_uses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_uses" ADD CONSTRAINT "transit_fare_uses_holding_fk" FOREIGN KEY ("org_id","holding_id") REFERENCES "public"."transit_fare_holdings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_fare_uses" ADD CONSTRAINT "transit_fare_uses_trip_fk" FOREIGN KEY ("org_id","trip_id") REFERENCES "public"."transit_trips"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transit_fare_holdings_account_idx" ON "transit_fare_holdings" USING btree ("org_id","account_id","status");--> statement-breakpoint
CREATE INDEX "transit_fare_holdings_order_idx" ON "transit_fare_holdings" USING btree ("org_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transit_fare_uses_trip_idx" ON "transit_fare_uses" USING btree ("org_id","trip_id");--> statement-breakpoint
CREATE INDEX "transit_fare_uses_holding_idx" ON "transit_fare_uses" USING btree ("org_id","holding_id");