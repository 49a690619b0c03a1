CREATE TABLE "radarr_ids" (
	"kind" text NOT NULL,
	"key" uuid NOT NULL,
	"id" serial NOT NULL,
	CONSTRAINT "radarr_ids_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "radarr_ids_kind_id" ON "radarr_ids" USING btree ("kind","id");