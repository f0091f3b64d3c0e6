CREATE TABLE "inquiry_statistics_facts" (
	"inquiry_id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"department_id" uuid,
	"faction_id" uuid,
	"type_id" uuid NOT NULL,
	"year" integer,
	"due_on" date,
	"open_due_on" date,
	"answered_on" date,
	"days" integer,
	"extensions" integer DEFAULT 0 NOT NULL,
	"withheld" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_counts" (
	"body_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text,
	"days" integer,
	"open_due_on" date,
	"inquiries" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"answered_with_due" integer DEFAULT 0 NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"withheld" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_counts_key" UNIQUE NULLS NOT DISTINCT("body_id","dimension","key","days","open_due_on")
);
--> statement-breakpoint
ALTER TABLE "inquiry_statistics_facts" ADD CONSTRAINT "inquiry_statistics_facts_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_counts" ADD CONSTRAINT "statistics_counts_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "tool_answer_facts" (
	"inquiry_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"document_date" date,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tool_answer_facts_inquiry_id_tool_id_pk" PRIMARY KEY("inquiry_id","tool_id")
);
--> statement-breakpoint
ALTER TABLE "tool_answer_facts" ADD CONSTRAINT "tool_answer_facts_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tool_answer_facts_newest_idx" ON "tool_answer_facts" USING btree ("tool_id","document_date" DESC NULLS FIRST,"published_at" DESC NULLS LAST);
--> statement-breakpoint
-- The statistics' summary (db/schema/statistics.ts, ADR 0025). quaestio_statistics_facts_view is the one
-- definition of an inquiry's facts — the same rules /{body}/statistik applied to the archive before: public
-- inquiries past draft with a public reference, of the answered kind; answered on = the first published
-- version's document date, else its publication day in the body's time zone; withheld parts of the newest
-- published version. A view, so that a condition on inquiry_id reaches the inquiries' primary key.
CREATE VIEW quaestio_statistics_facts_view (inquiry_id, body_id, department_id, faction_id, type_id, year, due_on,
                                            open_due_on, answered_on, days, extensions, withheld) AS
  SELECT i.id, i.body_id, coalesce(ans.lead_organization_id, i.lead_organization_id), i.originator_organization_id,
         i.type_id, extract(year from coalesce(i.received_on, i.submitted_on))::int, i.due_on,
         CASE WHEN i.status IN ('submitted', 'accepted', 'assigned', 'answering') AND ans.answered_on IS NULL
              THEN i.due_on END,
         ans.answered_on, ans.answered_on - coalesce(i.received_on, i.submitted_on),
         coalesce(ext.n, 0)::int, coalesce(wh.n, 0)::int
  FROM inquiries i
  JOIN inquiry_types t ON t.id = i.type_id AND t.lifecycle = 'inquiry'
  JOIN bodies b ON b.id = i.body_id
  LEFT JOIN LATERAL (
    SELECT a.lead_organization_id,
           min(coalesce(v.document_date, (v.published_at AT TIME ZONE b.time_zone)::date)) AS answered_on
    FROM answers a JOIN answer_versions v ON v.answer_id = a.id AND v.published_at IS NOT NULL
    WHERE a.inquiry_id = i.id AND a.body_id = i.body_id
    GROUP BY a.id, a.lead_organization_id
    LIMIT 1
  ) ans ON true
  LEFT JOIN LATERAL (SELECT count(*) AS n FROM deadline_extensions e WHERE e.inquiry_id = i.id) ext ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS n
    FROM answers a
    JOIN answer_versions v ON v.answer_id = a.id AND v.published_at IS NOT NULL
    JOIN withholdings w ON w.version_id = v.id
    WHERE a.inquiry_id = i.id AND a.body_id = i.body_id
      AND NOT EXISTS (SELECT 1 FROM answer_versions newer WHERE newer.answer_id = v.answer_id
                      AND newer.published_at IS NOT NULL AND newer.version_number > v.version_number)
  ) wh ON true
  WHERE i.visibility = 'public' AND i.status <> 'draft' AND i.public_ref IS NOT NULL;
--> statement-breakpoint
-- The tools the newest published answer version of a public inquiry lists, with that version's dates.
CREATE VIEW quaestio_tool_answer_facts_view (inquiry_id, tool_id, body_id, document_date, published_at) AS
  SELECT DISTINCT i.id, r.tool_id, i.body_id, newest.document_date, newest.published_at
  FROM inquiries i
  JOIN answers a ON a.inquiry_id = i.id AND a.body_id = i.body_id
  JOIN LATERAL (SELECT v.id, v.document_date, v.published_at FROM answer_versions v
                WHERE v.answer_id = a.id AND v.published_at IS NOT NULL
                ORDER BY v.version_number DESC LIMIT 1) newest ON true
  JOIN tool_inventories inv ON inv.version_id = newest.id
  JOIN tool_inventory_rows r ON r.inventory_id = inv.id
  WHERE i.visibility = 'public' AND i.status <> 'draft' AND i.public_ref IS NOT NULL;
--> statement-breakpoint
-- Recomputes the facts of the given inquiries. A transaction-level advisory lock per inquiry (in id order)
-- serialises two transactions that change the same inquiry through different tables: the second waits for the
-- first to commit and then, with a new snapshot (each statement of a volatile function gets one), computes
-- from both changes — otherwise the later commit could write facts that miss the earlier one.
CREATE OR REPLACE FUNCTION quaestio_refresh_statistics_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock(7425, hashtext(x::text)) FROM (SELECT DISTINCT unnest(ids) AS x ORDER BY 1) s;
  DELETE FROM inquiry_statistics_facts WHERE inquiry_id = ANY (ids);
  INSERT INTO inquiry_statistics_facts SELECT * FROM quaestio_statistics_facts_view WHERE inquiry_id = ANY (ids);
  DELETE FROM tool_answer_facts WHERE inquiry_id = ANY (ids);
  INSERT INTO tool_answer_facts SELECT * FROM quaestio_tool_answer_facts_view WHERE inquiry_id = ANY (ids);
END;
$$;
--> statement-breakpoint
-- Statement-level triggers on the tables the facts come from: the inquiries a statement touched, recomputed once.
CREATE OR REPLACE FUNCTION quaestio_statistics_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'inquiries' THEN
    IF TG_OP = 'INSERT' THEN SELECT array_agg(id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(id) INTO ids FROM old_rows;
    ELSE SELECT array_agg(id) INTO ids FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows) r; END IF;
  ELSIF TG_TABLE_NAME IN ('answers', 'deadline_extensions') THEN
    IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT inquiry_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT inquiry_id) INTO ids FROM old_rows;
    ELSE SELECT array_agg(DISTINCT inquiry_id) INTO ids FROM (SELECT inquiry_id FROM new_rows UNION SELECT inquiry_id FROM old_rows) r; END IF;
  ELSIF TG_TABLE_NAME = 'answer_versions' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids FROM new_rows r JOIN answers a ON a.id = r.answer_id;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids FROM old_rows r JOIN answers a ON a.id = r.answer_id;
    ELSE
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM (SELECT answer_id FROM new_rows UNION SELECT answer_id FROM old_rows) r JOIN answers a ON a.id = r.answer_id;
    END IF;
  ELSIF TG_TABLE_NAME = 'withholdings' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM new_rows r JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM old_rows r JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    ELSE
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM (SELECT version_id FROM new_rows UNION SELECT version_id FROM old_rows) r
      JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    END IF;
  ELSIF TG_TABLE_NAME = 'tool_inventories' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM new_rows r JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM old_rows r JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    ELSE
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM (SELECT version_id FROM new_rows UNION SELECT version_id FROM old_rows) r
      JOIN answer_versions v ON v.id = r.version_id JOIN answers a ON a.id = v.answer_id;
    END IF;
  ELSIF TG_TABLE_NAME = 'tool_inventory_rows' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM new_rows r JOIN tool_inventories inv ON inv.id = r.inventory_id
      JOIN answer_versions v ON v.id = inv.version_id JOIN answers a ON a.id = v.answer_id;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM old_rows r JOIN tool_inventories inv ON inv.id = r.inventory_id
      JOIN answer_versions v ON v.id = inv.version_id JOIN answers a ON a.id = v.answer_id;
    ELSE
      SELECT array_agg(DISTINCT a.inquiry_id) INTO ids
      FROM (SELECT inventory_id FROM new_rows UNION SELECT inventory_id FROM old_rows) r
      JOIN tool_inventories inv ON inv.id = r.inventory_id
      JOIN answer_versions v ON v.id = inv.version_id JOIN answers a ON a.id = v.answer_id;
    END IF;
  END IF;
  PERFORM quaestio_refresh_statistics_facts(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inquiries_statistics_insert AFTER INSERT ON inquiries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER inquiries_statistics_update AFTER UPDATE ON inquiries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answers_statistics_insert AFTER INSERT ON answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answers_statistics_update AFTER UPDATE ON answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answers_statistics_delete AFTER DELETE ON answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answer_versions_statistics_insert AFTER INSERT ON answer_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answer_versions_statistics_update AFTER UPDATE ON answer_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER answer_versions_statistics_delete AFTER DELETE ON answer_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER deadline_extensions_statistics_insert AFTER INSERT ON deadline_extensions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER deadline_extensions_statistics_update AFTER UPDATE ON deadline_extensions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER deadline_extensions_statistics_delete AFTER DELETE ON deadline_extensions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER withholdings_statistics_insert AFTER INSERT ON withholdings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER withholdings_statistics_update AFTER UPDATE ON withholdings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventories_statistics_insert AFTER INSERT ON tool_inventories REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventories_statistics_update AFTER UPDATE ON tool_inventories REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventories_statistics_delete AFTER DELETE ON tool_inventories REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventory_rows_statistics_insert AFTER INSERT ON tool_inventory_rows REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventory_rows_statistics_update AFTER UPDATE ON tool_inventory_rows REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER tool_inventory_rows_statistics_delete AFTER DELETE ON tool_inventory_rows REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
CREATE TRIGGER withholdings_statistics_delete AFTER DELETE ON withholdings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_touched();--> statement-breakpoint
-- statistics_counts from the facts' deltas: each fact counts once per dimension (total, department, faction,
-- type, year), in the row of its days to answer and open due date. Ordered upserts, as for inquiry_counts.
CREATE OR REPLACE FUNCTION quaestio_statistics_apply(facts inquiry_statistics_facts[], sign integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO statistics_counts AS c (body_id, dimension, key, days, open_due_on, inquiries, answered, on_time,
                                      answered_with_due, extensions, withheld)
  SELECT f.body_id, d.dimension, d.key, f.days, f.open_due_on, sign * count(*),
         sign * count(*) FILTER (WHERE f.answered_on IS NOT NULL),
         sign * count(*) FILTER (WHERE f.answered_on IS NOT NULL AND f.due_on IS NOT NULL AND f.answered_on <= f.due_on),
         sign * count(*) FILTER (WHERE f.answered_on IS NOT NULL AND f.due_on IS NOT NULL),
         sign * sum(f.extensions), sign * sum(f.withheld)
  FROM unnest(facts) f
  CROSS JOIN LATERAL (VALUES ('total', NULL::text), ('department', f.department_id::text),
                             ('faction', f.faction_id::text), ('type', f.type_id::text), ('year', f.year::text)) d(dimension, key)
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT statistics_counts_key DO UPDATE SET
    inquiries = c.inquiries + excluded.inquiries, answered = c.answered + excluded.answered,
    on_time = c.on_time + excluded.on_time, answered_with_due = c.answered_with_due + excluded.answered_with_due,
    extensions = c.extensions + excluded.extensions, withheld = c.withheld + excluded.withheld
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION quaestio_statistics_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM quaestio_statistics_apply(array(SELECT ROW(r.*)::inquiry_statistics_facts FROM old_rows r), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM quaestio_statistics_apply(array(SELECT ROW(r.*)::inquiry_statistics_facts FROM new_rows r), 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inquiry_statistics_facts_count_insert AFTER INSERT ON inquiry_statistics_facts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_count();--> statement-breakpoint
CREATE TRIGGER inquiry_statistics_facts_count_update AFTER UPDATE ON inquiry_statistics_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_count();--> statement-breakpoint
CREATE TRIGGER inquiry_statistics_facts_count_delete AFTER DELETE ON inquiry_statistics_facts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_statistics_count();--> statement-breakpoint
-- The whole summary from the archive: for this migration, and after a bulk load that ran with the summary's
-- triggers disabled (test/bench/corpus.ts).
CREATE OR REPLACE FUNCTION quaestio_rebuild_statistics() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inquiry_statistics_facts;
  DELETE FROM statistics_counts;
  DELETE FROM tool_answer_facts;
  INSERT INTO inquiry_statistics_facts SELECT * FROM quaestio_statistics_facts_view;
  INSERT INTO tool_answer_facts SELECT * FROM quaestio_tool_answer_facts_view;
END;
$$;
--> statement-breakpoint
SELECT quaestio_rebuild_statistics();
