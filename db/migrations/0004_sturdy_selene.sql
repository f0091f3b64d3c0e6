ALTER TABLE "sign_off_template_steps" ADD COLUMN "signer_role" text;--> statement-breakpoint
ALTER TABLE "sign_off_steps" ADD COLUMN "signer_role" text;