-- Events are append-only (audit log), and a published answer version is never changed in place:
-- corrections are new versions. Enforced in the database so that no code path can bypass it.
CREATE OR REPLACE FUNCTION quaestio_forbid_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION quaestio_forbid_event_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION quaestio_forbid_published_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'published answer version % is immutable; create a correction instead', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_versions_published_immutable BEFORE UPDATE ON answer_versions
  FOR EACH ROW EXECUTE FUNCTION quaestio_forbid_published_version_change();
