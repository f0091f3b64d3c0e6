CREATE TABLE "answer_follow_ups" (
	"answer_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_follow_ups_answer_id_inquiry_id_pk" PRIMARY KEY("answer_id","inquiry_id"),
	CONSTRAINT "answer_follow_ups_inquiryId_unique" UNIQUE("inquiry_id")
);
--> statement-breakpoint
ALTER TABLE "answer_follow_ups" ADD CONSTRAINT "answer_follow_ups_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_follow_ups" ADD CONSTRAINT "answer_follow_ups_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;