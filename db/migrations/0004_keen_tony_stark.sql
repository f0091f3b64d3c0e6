ALTER TYPE "public"."tool_fact_key" ADD VALUE 'lawful_basis';--> statement-breakpoint
ALTER TYPE "public"."tool_fact_key" ADD VALUE 'usage_status';--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "questions_json" jsonb;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "questions_html" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_json" jsonb;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_html" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_text" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "replied_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tools" ADD COLUMN "requires_dpo_consultation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tool_inventories" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;