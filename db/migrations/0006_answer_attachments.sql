ALTER TABLE "files" DROP CONSTRAINT "files_media_type";--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_media_type" CHECK ("files"."media_type" in ('application/pdf', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'image/png', 'image/jpeg'));--> statement-breakpoint
-- The attachments of a published answer version are part of what was published (and signed): none is added to
-- or changed on a published version (ADR 0017). Removing is refused by the server command; a row-level DELETE
-- guard would also stop the cascade when a whole body is deleted.
CREATE OR REPLACE FUNCTION quaestio_forbid_published_attachment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM answer_versions WHERE id = NEW.version_id AND published_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM answer_versions WHERE id = OLD.version_id AND published_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'attachments of published answer version % are immutable', NEW.version_id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER answer_attachments_published_immutable BEFORE INSERT OR UPDATE ON answer_attachments
  FOR EACH ROW EXECUTE FUNCTION quaestio_forbid_published_attachment_change();
