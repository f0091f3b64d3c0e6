ALTER TABLE "inquiries" ADD COLUMN "last_saved_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "last_saved_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "last_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_last_saved_by_user_id_users_id_fk" FOREIGN KEY ("last_saved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_last_saved_by_user_id_users_id_fk" FOREIGN KEY ("last_saved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;