CREATE TYPE "public"."email_subscription_token_purpose" AS ENUM('confirm', 'unsubscribe');--> statement-breakpoint
CREATE TYPE "public"."email_subscription_topic" AS ENUM('inquiry', 'body', 'faction', 'tool');--> statement-breakpoint
CREATE TABLE "email_subscription_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"purpose" "email_subscription_token_purpose" NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"topic" "email_subscription_topic" NOT NULL,
	"body_id" uuid,
	"target_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_subscriptions_body" CHECK ("email_subscriptions"."topic" = 'tool' or "email_subscriptions"."body_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "list_unsubscribe" text;--> statement-breakpoint
ALTER TABLE "email_subscription_tokens" ADD CONSTRAINT "email_subscription_tokens_subscription_id_email_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."email_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_subscriptions" ADD CONSTRAINT "email_subscriptions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_subscription_tokens_subscription_id_index" ON "email_subscription_tokens" USING btree ("subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_subscriptions_once" ON "email_subscriptions" USING btree ("email","topic","target_id");--> statement-breakpoint
CREATE INDEX "email_subscriptions_topic_target_id_index" ON "email_subscriptions" USING btree ("topic","target_id");