ALTER TABLE "agenda_items" ALTER COLUMN "number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tool_usage_matrices" ADD COLUMN "title" text;