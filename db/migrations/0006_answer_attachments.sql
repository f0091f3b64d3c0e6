ALTER TABLE "files" DROP CONSTRAINT "files_media_type";--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_media_type" CHECK ("files"."media_type" in ('application/pdf', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'image/png', 'image/jpeg'));--> statement-breakpoint
-- The attachments of a published answer version are part of what was published (and signed): none of them is
-- changed in place (ADR 0017). Adding to or removing from a published version is refused by the server commands;
-- inserts are not guarded here, so that imported answers (demo data, migrations of old records) can be written
-- published first and their Anlagen after, and a row-level DELETE guard would stop the cascade of a deleted body.
CREATE OR REPLACE FUNCTION quaestio_forbid_published_attachment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM answer_versions WHERE id IN (OLD.version_id, NEW.version_id) AND published_at IS NOT NULL) THEN
    RAISE EXCEPTION 'attachments of published answer version % are immutable', OLD.version_id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_attachments_published_immutable BEFORE UPDATE ON answer_attachments
  FOR EACH ROW EXECUTE FUNCTION quaestio_forbid_published_attachment_change();
