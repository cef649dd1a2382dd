CREATE TABLE "request_department_members" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"department_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "request_department_members_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "request_department_members" ADD CONSTRAINT "request_department_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_department_members" ADD CONSTRAINT "request_department_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_department_members" ADD CONSTRAINT "request_department_members_org_id_department_id_request_departments_org_id_id_fk" FOREIGN KEY ("org_id","department_id") REFERENCES "public"."request_departments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_department_members_key" ON "request_department_members" USING btree ("org_id","department_id","account_id");--> statement-breakpoint
CREATE INDEX "request_department_members_account_idx" ON "request_department_members" USING btree ("org_id","account_id");