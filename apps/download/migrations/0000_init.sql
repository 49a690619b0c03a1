CREATE TABLE "downloads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"game_id" text NOT NULL,
	"status" text NOT NULL,
	"bytes_total" bigint NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "downloads_user_idempotency_key" ON "downloads" USING btree ("user_id","idempotency_key") WHERE "downloads"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "downloads_user_created" ON "downloads" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);