CREATE TABLE "inquiry_counts" (
	"body_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"status" "inquiry_status" NOT NULL,
	"is_public" boolean NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "inquiry_counts_body_id_type_id_status_is_public_pk" PRIMARY KEY("body_id","type_id","status","is_public")
);
--> statement-breakpoint
CREATE TABLE "overdue_reminders_done" (
	"inquiry_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overdue_reminders_done_inquiry_id_due_on_pk" PRIMARY KEY("inquiry_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "listed_on" date GENERATED ALWAYS AS (coalesce(received_on, submitted_on)) STORED;--> statement-breakpoint
ALTER TABLE "inquiry_counts" ADD CONSTRAINT "inquiry_counts_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_reminders_done" ADD CONSTRAINT "overdue_reminders_done_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_public_list_idx" ON "inquiries" USING btree ("body_id","listed_on" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE visibility = 'public' and status <> 'draft' and public_ref is not null;--> statement-breakpoint
CREATE INDEX "inquiries_body_updated_idx" ON "inquiries" USING btree ("body_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "inquiries_originator_status_updated_idx" ON "inquiries" USING btree ("originator_organization_id","status","updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "inquiries_open_due_idx" ON "inquiries" USING btree ("due_on","id") WHERE status in ('submitted', 'accepted', 'assigned', 'answering');--> statement-breakpoint
CREATE INDEX "inquiries_body_open_due_idx" ON "inquiries" USING btree ("body_id","due_on","id") WHERE status in ('submitted', 'accepted', 'assigned', 'answering');--> statement-breakpoint
CREATE INDEX "inquiries_body_open_lead_idx" ON "inquiries" USING btree ("body_id","lead_organization_id","due_on") WHERE status in ('submitted', 'accepted', 'assigned', 'answering');--> statement-breakpoint
CREATE INDEX "answer_versions_published_idx" ON "answer_versions" USING btree ("published_at" DESC NULLS FIRST,"version_number" DESC NULLS FIRST) WHERE published_at is not null;--> statement-breakpoint
-- inquiry_counts is kept by statement-level triggers with transition tables: one upsert per statement, whatever
-- wrote the rows (lifecycle engine, drafts, seeds, COPY). Keys are taken in a fixed order so that concurrent
-- statements lock the counter rows in the same order.
CREATE OR REPLACE FUNCTION quaestio_count_inquiries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inquiry_counts AS c (body_id, type_id, status, is_public, count)
      SELECT body_id, type_id, status, (visibility = 'public' AND status <> 'draft' AND public_ref IS NOT NULL), count(*)
      FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (body_id, type_id, status, is_public) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE inquiry_counts c SET count = c.count - d.n
      FROM (SELECT body_id, type_id, status, (visibility = 'public' AND status <> 'draft' AND public_ref IS NOT NULL) AS is_public, count(*) AS n
            FROM old_rows GROUP BY 1, 2, 3, 4) d
      WHERE c.body_id = d.body_id AND c.type_id = d.type_id AND c.status = d.status AND c.is_public = d.is_public;
  ELSE
    INSERT INTO inquiry_counts AS c (body_id, type_id, status, is_public, count)
      SELECT body_id, type_id, status, is_public, sum(delta) FROM (
        SELECT body_id, type_id, status, (visibility = 'public' AND status <> 'draft' AND public_ref IS NOT NULL) AS is_public, 1 AS delta FROM new_rows
        UNION ALL
        SELECT body_id, type_id, status, (visibility = 'public' AND status <> 'draft' AND public_ref IS NOT NULL), -1 FROM old_rows
      ) changes GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (body_id, type_id, status, is_public) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inquiries_count_insert AFTER INSERT ON inquiries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION quaestio_count_inquiries();
--> statement-breakpoint
CREATE TRIGGER inquiries_count_update AFTER UPDATE ON inquiries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION quaestio_count_inquiries();
--> statement-breakpoint
CREATE TRIGGER inquiries_count_delete AFTER DELETE ON inquiries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION quaestio_count_inquiries();
--> statement-breakpoint
INSERT INTO inquiry_counts (body_id, type_id, status, is_public, count)
  SELECT body_id, type_id, status, (visibility = 'public' AND status <> 'draft' AND public_ref IS NOT NULL), count(*)
  FROM inquiries GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Overdue reminders already written before this migration (the notifications' dedupe key "overdue:{id}:{due}").
INSERT INTO overdue_reminders_done (inquiry_id, due_on)
  SELECT DISTINCT i.id, i.due_on FROM notifications n
  JOIN inquiries i ON n.dedupe_key = 'overdue:' || i.id || ':' || i.due_on
  WHERE n.dedupe_key LIKE 'overdue:%'
  ON CONFLICT DO NOTHING;
