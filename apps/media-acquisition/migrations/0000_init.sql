CREATE TABLE "blocklist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movie_id" uuid NOT NULL,
	"release_guid" text NOT NULL,
	"release_title" text NOT NULL,
	"indexer_id" integer NOT NULL,
	"reason" text NOT NULL,
	"date" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movie_id" uuid NOT NULL,
	"download_id" text,
	"event" text NOT NULL,
	"source_title" text NOT NULL,
	"quality" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"date" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movie_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movie_id" uuid NOT NULL,
	"download_id" text NOT NULL,
	"relative_path" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"quality" text NOT NULL,
	"revision_version" integer DEFAULT 1 NOT NULL,
	"revision_real" integer DEFAULT 0 NOT NULL,
	"release_title" text NOT NULL,
	"transfer" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "movie_files_movie_id_unique" UNIQUE("movie_id")
);
--> statement-breakpoint
CREATE TABLE "movies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"tmdb_id" integer,
	"imdb_id" text,
	"runtime_minutes" integer,
	"quality_profile_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quality_profiles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "tracked_downloads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movie_id" uuid NOT NULL,
	"download_id" text NOT NULL,
	"release_guid" text NOT NULL,
	"release_title" text NOT NULL,
	"indexer_id" integer NOT NULL,
	"indexer" text NOT NULL,
	"quality" text NOT NULL,
	"revision_version" integer DEFAULT 1 NOT NULL,
	"revision_real" integer DEFAULT 0 NOT NULL,
	"size_bytes" bigint NOT NULL,
	"state" text NOT NULL,
	"client_status" text,
	"progress" real DEFAULT 0 NOT NULL,
	"eta_seconds" integer,
	"output_path" text,
	"messages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grabbed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blocklist" ADD CONSTRAINT "blocklist_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history" ADD CONSTRAINT "history_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movie_files" ADD CONSTRAINT "movie_files_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movies" ADD CONSTRAINT "movies_quality_profile_id_quality_profiles_id_fk" FOREIGN KEY ("quality_profile_id") REFERENCES "public"."quality_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_downloads" ADD CONSTRAINT "tracked_downloads_movie_id_movies_id_fk" FOREIGN KEY ("movie_id") REFERENCES "public"."movies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blocklist_movie_guid" ON "blocklist" USING btree ("movie_id","release_guid");--> statement-breakpoint
CREATE INDEX "history_movie_date" ON "history" USING btree ("movie_id","date" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "movies_title_year" ON "movies" USING btree (lower("title"),"year");--> statement-breakpoint
CREATE UNIQUE INDEX "movies_tmdb" ON "movies" USING btree ("tmdb_id") WHERE "movies"."tmdb_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "movies_imdb" ON "movies" USING btree ("imdb_id") WHERE "movies"."imdb_id" is not null;--> statement-breakpoint
CREATE INDEX "movies_created" ON "movies" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tracked_downloads_state" ON "tracked_downloads" USING btree ("state");--> statement-breakpoint
CREATE INDEX "tracked_downloads_movie" ON "tracked_downloads" USING btree ("movie_id","grabbed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_downloads_one_active" ON "tracked_downloads" USING btree ("movie_id") WHERE state in ('downloading', 'importPending', 'importing', 'importBlocked', 'failedPending');--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_downloads_active_download" ON "tracked_downloads" USING btree ("download_id") WHERE state in ('downloading', 'importPending', 'importing', 'importBlocked', 'failedPending');--> statement-breakpoint
CREATE INDEX "tracked_downloads_download" ON "tracked_downloads" USING btree ("download_id","grabbed_at" DESC NULLS LAST);