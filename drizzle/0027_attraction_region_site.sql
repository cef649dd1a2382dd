CREATE TABLE "region_contact_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"message" text NOT NULL,
	"locale" text NOT NULL,
	CONSTRAINT "region_contact_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "region_contact_slots" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text DEFAULT 'video' NOT NULL,
	"booked_at" timestamp with time zone,
	"booker_name" text,
	"booker_email" text,
	"booker_locale" text,
	"booker_note" text,
	"calendar_token_hash" text,
	CONSTRAINT "region_contact_slots_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "region_contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"role_fr" text NOT NULL,
	"role_en" text NOT NULL,
	"bio_fr" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "region_boundaries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_org_id" uuid NOT NULL,
	"geometry" jsonb NOT NULL,
	"approximate" boolean DEFAULT true NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_boundaries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "region_places" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"municipality_org_id" uuid,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"phone" text,
	"website" text,
	"published" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_places_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_page_revisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"page_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_fr" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"body_fr" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"image_file_id" uuid,
	"image_alt_fr" text,
	"image_alt_en" text,
	"event_starts_at" timestamp with time zone,
	"event_ends_at" timestamp with time zone,
	"event_location" text,
	"event_address" text,
	"note" text,
	"restored_from" integer,
	"author_account_id" uuid,
	CONSTRAINT "site_page_revisions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_page_views" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL,
	"path" text NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "site_page_views_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"section" text,
	"in_menu" boolean DEFAULT false NOT NULL,
	"menu_order" integer DEFAULT 0 NOT NULL,
	"latest_revision" integer DEFAULT 0 NOT NULL,
	"published_revision_id" uuid,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_pages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "region_contact_requests" ADD CONSTRAINT "region_contact_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_contact_requests" ADD CONSTRAINT "region_contact_requests_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."region_contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_contact_slots" ADD CONSTRAINT "region_contact_slots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_contact_slots" ADD CONSTRAINT "region_contact_slots_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."region_contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_contacts" ADD CONSTRAINT "region_contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_boundaries" ADD CONSTRAINT "region_boundaries_municipality_org_id_organisations_id_fk" FOREIGN KEY ("municipality_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_places" ADD CONSTRAINT "region_places_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_places" ADD CONSTRAINT "region_places_municipality_org_id_organisations_id_fk" FOREIGN KEY ("municipality_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_page_fk" FOREIGN KEY ("org_id","page_id") REFERENCES "public"."site_pages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_revisions" ADD CONSTRAINT "site_page_revisions_image_fk" FOREIGN KEY ("org_id","image_file_id") REFERENCES "public"."files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_page_views" ADD CONSTRAINT "site_page_views_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_contact_requests_created_idx" ON "region_contact_requests" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "region_contact_slots_contact_idx" ON "region_contact_slots" USING btree ("org_id","contact_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "region_contact_slots_token_idx" ON "region_contact_slots" USING btree ("org_id","calendar_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "region_contacts_slug_idx" ON "region_contacts" USING btree ("org_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "region_boundaries_municipality_idx" ON "region_boundaries" USING btree ("org_id","municipality_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "region_places_slug_idx" ON "region_places" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "region_places_category_idx" ON "region_places" USING btree ("org_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "site_page_revisions_number_idx" ON "site_page_revisions" USING btree ("org_id","page_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "site_page_views_day_path_idx" ON "site_page_views" USING btree ("org_id","day","path");--> statement-breakpoint
CREATE UNIQUE INDEX "site_pages_slug_idx" ON "site_pages" USING btree ("org_id","slug");--> statement-breakpoint
CREATE INDEX "site_pages_kind_idx" ON "site_pages" USING btree ("org_id","kind","published_at");