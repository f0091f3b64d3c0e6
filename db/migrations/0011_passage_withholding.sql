ALTER TABLE "answer_parts" ADD COLUMN "non_public_body_json" jsonb;--> statement-breakpoint
ALTER TABLE "answer_parts" ADD COLUMN "non_public_body_html" text;--> statement-breakpoint
ALTER TABLE "answer_parts" ADD COLUMN "non_public_body_text" text;--> statement-breakpoint
ALTER TABLE "withholdings" ADD COLUMN "passage_key" text;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_part_passage_key" UNIQUE("part_id","passage_key");--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholding_passage_on_part" CHECK ("withholdings"."passage_key" is null or "withholdings"."part_id" is not null);