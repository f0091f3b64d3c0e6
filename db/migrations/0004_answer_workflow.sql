ALTER TYPE "public"."tool_fact_key" ADD VALUE 'lawful_basis';--> statement-breakpoint
ALTER TYPE "public"."tool_fact_key" ADD VALUE 'usage_status';--> statement-breakpoint
CREATE TABLE "answer_follow_ups" (
	"answer_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_follow_ups_answer_id_inquiry_id_pk" PRIMARY KEY("answer_id","inquiry_id"),
	CONSTRAINT "answer_follow_ups_inquiryId_unique" UNIQUE("inquiry_id")
);
--> statement-breakpoint
ALTER TABLE "sign_off_template_steps" ADD COLUMN "signer_role" text;--> statement-breakpoint
ALTER TABLE "sign_off_steps" ADD COLUMN "signer_role" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "questions_json" jsonb;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "questions_html" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_json" jsonb;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_html" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_text" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "replied_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tools" ADD COLUMN "requires_dpo_consultation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tool_inventories" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_follow_ups" ADD CONSTRAINT "answer_follow_ups_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_follow_ups" ADD CONSTRAINT "answer_follow_ups_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;