CREATE TABLE "tool_body_answer_counts" (
	"tool_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"answers" integer NOT NULL,
	CONSTRAINT "tool_body_answer_counts_tool_id_body_id_pk" PRIMARY KEY("tool_id","body_id")
);
--> statement-breakpoint
-- The catalogue's answers per tool and body (db/schema/statistics.ts): deltas of the statements that change
-- tool_answer_facts (quaestio_refresh_statistics_facts deletes and inserts an inquiry's rows; the rebuild does
-- all). The counters are locked in key order before they change, so that two transactions touching the same
-- tools and bodies wait for each other instead of deadlocking.
CREATE OR REPLACE FUNCTION quaestio_tool_body_answer_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM 1 FROM tool_body_answer_counts c
      WHERE (c.tool_id, c.body_id) IN (SELECT tool_id, body_id FROM old_rows)
      ORDER BY c.tool_id, c.body_id FOR UPDATE;
    UPDATE tool_body_answer_counts c SET answers = c.answers - d.n
      FROM (SELECT tool_id, body_id, count(*)::int AS n FROM old_rows GROUP BY tool_id, body_id) d
      WHERE c.tool_id = d.tool_id AND c.body_id = d.body_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO tool_body_answer_counts (tool_id, body_id, answers)
      SELECT tool_id, body_id, count(*)::int FROM new_rows GROUP BY tool_id, body_id ORDER BY tool_id, body_id
    ON CONFLICT (tool_id, body_id) DO UPDATE SET answers = tool_body_answer_counts.answers + excluded.answers;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tool_answer_facts_count_insert AFTER INSERT ON tool_answer_facts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_tool_body_answer_count();--> statement-breakpoint
CREATE TRIGGER tool_answer_facts_count_update AFTER UPDATE ON tool_answer_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_tool_body_answer_count();--> statement-breakpoint
CREATE TRIGGER tool_answer_facts_count_delete AFTER DELETE ON tool_answer_facts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION quaestio_tool_body_answer_count();--> statement-breakpoint
INSERT INTO tool_body_answer_counts (tool_id, body_id, answers)
  SELECT tool_id, body_id, count(*)::int FROM tool_answer_facts GROUP BY tool_id, body_id;
