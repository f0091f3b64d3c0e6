CREATE TYPE "public"."body_kind" AS ENUM('municipality', 'joint_municipality', 'state_parliament', 'city_state');--> statement-breakpoint
CREATE TYPE "public"."inquiry_lifecycle" AS ENUM('inquiry', 'motion');--> statement-breakpoint
CREATE TYPE "public"."numbering_period" AS ENUM('year', 'term');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('faction_member', 'council_office', 'clerk', 'department_head', 'co_signer', 'councillor', 'mayor', 'dpo', 'body_admin');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('council', 'committee', 'faction', 'department', 'council_office', 'dpo_office', 'executive', 'supervisory_authority', 'other');--> statement-breakpoint
CREATE TYPE "public"."inquiry_status" AS ENUM('draft', 'submitted', 'inadmissible', 'accepted', 'assigned', 'answering', 'answered', 'withdrawn', 'on_agenda', 'decided');--> statement-breakpoint
CREATE TYPE "public"."motion_decision" AS ENUM('adopted', 'rejected', 'referred');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('public', 'internal');--> statement-breakpoint
CREATE TYPE "public"."answer_status" AS ENUM('drafting', 'consultation', 'sign_off', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."sign_off_step_status" AS ENUM('pending', 'signed', 'returned', 'not_required', 'unrecorded');--> statement-breakpoint
CREATE TYPE "public"."withholding_reason" AS ENUM('it_security', 'personal_data', 'trade_secret', 'ongoing_proceedings', 'state_welfare', 'other');--> statement-breakpoint
CREATE TYPE "public"."consultation_kind" AS ENUM('dpo', 'supervisory_authority', 'department');--> statement-breakpoint
CREATE TYPE "public"."consultation_status" AS ENUM('requested', 'answered', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."consultation_verdict" AS ENUM('no_objection', 'conditions', 'objection');--> statement-breakpoint
CREATE TYPE "public"."recommendation_kind" AS ENUM('restriction', 'recommendation');--> statement-breakpoint
CREATE TYPE "public"."deployment_variant" AS ENUM('on_premise', 'public_cloud', 'hybrid', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('answer', 'letter', 'motion', 'guideline', 'website', 'other');--> statement-breakpoint
CREATE TYPE "public"."tool_fact_key" AS ENUM('vendor', 'vendor_country', 'deployment', 'open_source', 'end_to_end_encryption', 'data_location', 'third_country_transfer', 'dpa_status', 'threshold_analysis', 'protection_needs', 'risk_assessment', 'dpia', 'license', 'pilot_status');--> statement-breakpoint
CREATE TYPE "public"."assessment_result" AS ENUM('meets', 'does_not_meet', 'not_assessed');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."subscription_topic" AS ENUM('all', 'body', 'faction', 'tool', 'inquiry');--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" "body_kind" NOT NULL,
	"state" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bodies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "bodies_slug_format" CHECK ("bodies"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "bodies_state_known" CHECK ("bodies"."state" in ('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"lifecycle" "inquiry_lifecycle" DEFAULT 'inquiry' NOT NULL,
	"numbering_period" "numbering_period" DEFAULT 'year' NOT NULL,
	"reference_format" text DEFAULT '{n}/{period}' NOT NULL,
	"deadline_rule" jsonb NOT NULL,
	"deadline_rule_label" text NOT NULL,
	"requires_dpo_consultation" boolean DEFAULT false NOT NULL,
	"sign_off_template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_types_bodyId_code_unique" UNIQUE("body_id","code"),
	CONSTRAINT "inquiry_types_code_format" CHECK ("inquiry_types"."code" ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE TABLE "sign_off_template_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"only_when_flagged" text,
	CONSTRAINT "sign_off_template_steps_templateId_position_unique" UNIQUE("template_id","position"),
	CONSTRAINT "template_step_position" CHECK ("sign_off_template_steps"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "sign_off_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_off_templates_bodyId_name_unique" UNIQUE("body_id","name")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_userId_organizationId_role_unique" UNIQUE("user_id","organization_id","role")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" "organization_kind" NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"external" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_bodyId_name_unique" UNIQUE("body_id","name")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role_label" text,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") and "users"."email" like '%_@_%')
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "agenda_items_meetingId_number_unique" UNIQUE("meeting_id","number")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"starts_at" time,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_organizationId_date_name_unique" UNIQUE("organization_id","date","name")
);
--> statement-breakpoint
CREATE TABLE "deadline_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"previous_due_on" date NOT NULL,
	"new_due_on" date NOT NULL,
	"reason" text NOT NULL,
	"requested_by_organization_id" uuid,
	"granted_by_user_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_moves_forward" CHECK ("deadline_extensions"."new_due_on" > "deadline_extensions"."previous_due_on"),
	CONSTRAINT "extension_reason_given" CHECK (char_length(trim("deadline_extensions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"period" text,
	"sequence" integer,
	"reference" text,
	"public_ref" text,
	"title" text NOT NULL,
	"preamble_json" jsonb,
	"preamble_html" text,
	"preamble_text" text,
	"preamble_label" text,
	"status" "inquiry_status" DEFAULT 'draft' NOT NULL,
	"visibility" "visibility" DEFAULT 'internal' NOT NULL,
	"visibility_reason" text,
	"originator_organization_id" uuid,
	"addressee" text,
	"lead_organization_id" uuid,
	"submitted_on" date,
	"received_on" date,
	"due_on" date,
	"due_rule_label" text,
	"withdrawn_on" date,
	"withdrawal_note" text,
	"motion_decision" "motion_decision",
	"motion_decision_note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(title, '') || ' ' || coalesce(preamble_text, ''))) STORED,
	CONSTRAINT "inquiries_number_unique" UNIQUE("body_id","type_id","period","sequence"),
	CONSTRAINT "inquiries_public_ref_unique" UNIQUE("body_id","public_ref"),
	CONSTRAINT "inquiries_sequence_positive" CHECK ("inquiries"."sequence" is null or "inquiries"."sequence" >= 1),
	CONSTRAINT "inquiries_public_ref_segment" CHECK ("inquiries"."public_ref" is null or "inquiries"."public_ref" ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
	CONSTRAINT "inquiries_numbered_unless_draft" CHECK ("inquiries"."status" = 'draft' or "inquiries"."reference" is not null),
	CONSTRAINT "inquiries_due_after_receipt" CHECK ("inquiries"."due_on" is null or "inquiries"."received_on" is null or "inquiries"."due_on" >= "inquiries"."received_on"),
	CONSTRAINT "inquiries_decision_only_when_decided" CHECK (("inquiries"."status" = 'decided') = ("inquiries"."motion_decision" is not null)),
	CONSTRAINT "inquiries_title_length" CHECK (char_length("inquiries"."title") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "inquiry_agenda_items" (
	"inquiry_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"role_label" text,
	CONSTRAINT "inquiry_agenda_items_inquiry_id_agenda_item_id_purpose_pk" PRIMARY KEY("inquiry_id","agenda_item_id","purpose"),
	CONSTRAINT "agenda_purpose" CHECK ("inquiry_agenda_items"."purpose" in ('raised', 'answer', 'decision'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_coauthors" (
	"inquiry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "inquiry_coauthors_inquiry_id_user_id_pk" PRIMARY KEY("inquiry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_originators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"label" text NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inquiry_originators_inquiryId_position_unique" UNIQUE("inquiry_id","position"),
	CONSTRAINT "originator_has_subject" CHECK ("inquiry_originators"."person_id" is not null or "inquiry_originators"."organization_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"lead_in" text,
	"body_json" jsonb NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(body_text, ''))) STORED,
	CONSTRAINT "questions_inquiryId_number_unique" UNIQUE("inquiry_id","number"),
	CONSTRAINT "questions_inquiryId_position_unique" UNIQUE("inquiry_id","position"),
	CONSTRAINT "questions_position_positive" CHECK ("questions"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"body_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"period" text NOT NULL,
	"last_value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_counters_body_id_type_id_period_pk" PRIMARY KEY("body_id","type_id","period"),
	CONSTRAINT "counter_non_negative" CHECK ("reference_counters"."last_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_media_type" CHECK ("files"."media_type" in ('application/pdf', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/csv', 'image/png', 'image/jpeg')),
	CONSTRAINT "files_size" CHECK ("files"."size" >= 0 and "files"."size" <= 26214400)
);
--> statement-breakpoint
CREATE TABLE "answer_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid,
	"public" boolean DEFAULT true NOT NULL,
	CONSTRAINT "answer_attachments_versionId_position_unique" UNIQUE("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "answer_contributors" (
	"answer_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text DEFAULT 'contributor' NOT NULL,
	CONSTRAINT "answer_contributors_answer_id_organization_id_pk" PRIMARY KEY("answer_id","organization_id"),
	CONSTRAINT "contributor_role" CHECK ("answer_contributors"."role" in ('lead', 'contributor'))
);
--> statement-breakpoint
CREATE TABLE "answer_part_questions" (
	"part_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	CONSTRAINT "answer_part_questions_part_id_question_id_pk" PRIMARY KEY("part_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "answer_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"joint_note" text,
	"body_json" jsonb NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, coalesce(body_text, ''))) STORED,
	CONSTRAINT "answer_parts_versionId_position_unique" UNIQUE("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "answer_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"document_kind" text,
	"document_reference" text,
	"document_date" date,
	"title" text,
	"issued_by_label" text,
	"case_officer_label" text,
	"intro_json" jsonb,
	"intro_html" text,
	"intro_text" text,
	"preamble_label" text,
	"preamble_json" jsonb,
	"preamble_html" text,
	"preamble_text" text,
	"closing_json" jsonb,
	"closing_html" text,
	"closing_text" text,
	"signatory_person_id" uuid,
	"content_hash" text,
	"published_at" timestamp with time zone,
	"correction_note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_versions_answerId_versionNumber_unique" UNIQUE("answer_id","version_number"),
	CONSTRAINT "answer_version_number_positive" CHECK ("answer_versions"."version_number" >= 1),
	CONSTRAINT "correction_note_on_later_versions" CHECK ("answer_versions"."version_number" = 1 or "answer_versions"."published_at" is null or "answer_versions"."correction_note" is not null)
);
--> statement-breakpoint
CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"status" "answer_status" DEFAULT 'drafting' NOT NULL,
	"lead_organization_id" uuid,
	"sign_off_flagged" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "answers_inquiryId_unique" UNIQUE("inquiry_id")
);
--> statement-breakpoint
CREATE TABLE "sign_off_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"condition" text,
	"organization_id" uuid,
	"status" "sign_off_step_status" DEFAULT 'pending' NOT NULL,
	CONSTRAINT "sign_off_steps_answerId_position_unique" UNIQUE("answer_id","position")
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid,
	"decision" text NOT NULL,
	"comment" text,
	"content_hash" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invalidated_at" timestamp with time zone,
	CONSTRAINT "signature_decision" CHECK ("signatures"."decision" in ('signed', 'returned')),
	CONSTRAINT "return_has_comment" CHECK ("signatures"."decision" = 'signed' or char_length(trim(coalesce("signatures"."comment", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "withholdings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"part_id" uuid,
	"reason" "withholding_reason" NOT NULL,
	"subject" text NOT NULL,
	"public_justification" text NOT NULL,
	"withheld_text" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withholding_justified" CHECK (char_length(trim("withholdings"."public_justification")) > 0)
);
--> statement-breakpoint
CREATE TABLE "consultation_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "recommendation_kind" NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "consultation_recommendations_consultationId_position_unique" UNIQUE("consultation_id","position")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"kind" "consultation_kind" NOT NULL,
	"addressee_organization_id" uuid NOT NULL,
	"questions_put" text,
	"status" "consultation_status" DEFAULT 'requested' NOT NULL,
	"statement_title" text,
	"statement_json" jsonb,
	"statement_html" text,
	"statement_text" text,
	"verdict" "consultation_verdict",
	"published_with_answer" boolean DEFAULT false NOT NULL,
	"author_person_id" uuid,
	"requested_on" date,
	"answered_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answered_has_statement" CHECK ("consultations"."status" <> 'answered' or "consultations"."statement_json" is not null)
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid,
	"kind" "source_kind" NOT NULL,
	"citation" text NOT NULL,
	"url" text,
	"date" date,
	"inquiry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_citation_unique" UNIQUE("citation")
);
--> statement-breakpoint
CREATE TABLE "tool_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"body_id" uuid,
	"key" "tool_fact_key" NOT NULL,
	"value" text NOT NULL,
	"quote" text,
	"source_id" uuid NOT NULL,
	"as_of" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_facts_toolId_bodyId_key_sourceId_unique" UNIQUE("tool_id","body_id","key","source_id")
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tools_slug_unique" UNIQUE("slug"),
	CONSTRAINT "tools_name_unique" UNIQUE("name"),
	CONSTRAINT "tools_slug_format" CHECK ("tools"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"source_id" uuid,
	CONSTRAINT "criteria_criteriaSetId_position_unique" UNIQUE("criteria_set_id","position")
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_sets_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "inventory_criteria_sets" (
	"inventory_id" uuid NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"status_note" text,
	CONSTRAINT "inventory_criteria_sets_inventory_id_criteria_set_id_pk" PRIMARY KEY("inventory_id","criteria_set_id")
);
--> statement-breakpoint
CREATE TABLE "tool_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inventory_row_id" uuid NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"criterion_id" uuid,
	"result" "assessment_result" DEFAULT 'not_assessed' NOT NULL,
	"comment" text,
	CONSTRAINT "tool_assessments_inventoryRowId_criteriaSetId_criterionId_unique" UNIQUE NULLS NOT DISTINCT("inventory_row_id","criteria_set_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "tool_inventories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"count_label" text,
	"question_number" text,
	"frozen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_inventories_versionId_position_unique" UNIQUE("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "tool_inventory_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inventory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"tool_id" uuid NOT NULL,
	"variant" "deployment_variant" DEFAULT 'unknown' NOT NULL,
	"label" text NOT NULL,
	"workplace_count" integer,
	"footnote_mark" text,
	"footnote" text,
	CONSTRAINT "tool_inventory_rows_inventoryId_position_unique" UNIQUE("inventory_id","position"),
	CONSTRAINT "workplace_count_non_negative" CHECK ("tool_inventory_rows"."workplace_count" is null or "tool_inventory_rows"."workplace_count" >= 0),
	CONSTRAINT "footnote_has_mark" CHECK (("tool_inventory_rows"."footnote" is null) = ("tool_inventory_rows"."footnote_mark" is null))
);
--> statement-breakpoint
CREATE TABLE "tool_usage_matrices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inventory_id" uuid NOT NULL,
	"row_heading" text NOT NULL,
	"column_heading" text NOT NULL,
	"footnote_mark" text,
	"footnote" text,
	CONSTRAINT "tool_usage_matrices_inventoryId_unique" UNIQUE("inventory_id")
);
--> statement-breakpoint
CREATE TABLE "tool_usage_matrix_cells" (
	"row_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"uses" boolean DEFAULT true NOT NULL,
	CONSTRAINT "tool_usage_matrix_cells_row_id_column_id_pk" PRIMARY KEY("row_id","column_id")
);
--> statement-breakpoint
CREATE TABLE "tool_usage_matrix_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matrix_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"inventory_row_id" uuid NOT NULL,
	CONSTRAINT "tool_usage_matrix_columns_matrixId_position_unique" UNIQUE("matrix_id","position"),
	CONSTRAINT "tool_usage_matrix_columns_matrixId_inventoryRowId_unique" UNIQUE("matrix_id","inventory_row_id")
);
--> statement-breakpoint
CREATE TABLE "tool_usage_matrix_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matrix_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organization_id" uuid NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "tool_usage_matrix_rows_matrixId_position_unique" UNIQUE("matrix_id","position")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"body_id" uuid,
	"aggregate_type" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" bigint,
	"title" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text,
	"topic" "subscription_topic" NOT NULL,
	"body_id" uuid,
	"target_id" uuid,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_has_recipient" CHECK ("subscriptions"."user_id" is not null or "subscriptions"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" real NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"mfa_verified" boolean DEFAULT false NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiry_types" ADD CONSTRAINT "inquiry_types_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_types" ADD CONSTRAINT "inquiry_types_sign_off_template_id_sign_off_templates_id_fk" FOREIGN KEY ("sign_off_template_id") REFERENCES "public"."sign_off_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_template_steps" ADD CONSTRAINT "sign_off_template_steps_template_id_sign_off_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sign_off_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_templates" ADD CONSTRAINT "sign_off_templates_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_requested_by_organization_id_organizations_id_fk" FOREIGN KEY ("requested_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_granted_by_user_id_users_id_fk" FOREIGN KEY ("granted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_type_id_inquiry_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."inquiry_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_originator_organization_id_organizations_id_fk" FOREIGN KEY ("originator_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_agenda_items" ADD CONSTRAINT "inquiry_agenda_items_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_agenda_items" ADD CONSTRAINT "inquiry_agenda_items_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_coauthors" ADD CONSTRAINT "inquiry_coauthors_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_coauthors" ADD CONSTRAINT "inquiry_coauthors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_originators" ADD CONSTRAINT "inquiry_originators_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_originators" ADD CONSTRAINT "inquiry_originators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_originators" ADD CONSTRAINT "inquiry_originators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_parent_id_questions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_counters" ADD CONSTRAINT "reference_counters_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_counters" ADD CONSTRAINT "reference_counters_type_id_inquiry_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."inquiry_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_attachments" ADD CONSTRAINT "answer_attachments_version_id_answer_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."answer_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_attachments" ADD CONSTRAINT "answer_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_contributors" ADD CONSTRAINT "answer_contributors_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_contributors" ADD CONSTRAINT "answer_contributors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_part_questions" ADD CONSTRAINT "answer_part_questions_part_id_answer_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."answer_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_part_questions" ADD CONSTRAINT "answer_part_questions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_parts" ADD CONSTRAINT "answer_parts_version_id_answer_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."answer_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_versions" ADD CONSTRAINT "answer_versions_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_versions" ADD CONSTRAINT "answer_versions_signatory_person_id_people_id_fk" FOREIGN KEY ("signatory_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_versions" ADD CONSTRAINT "answer_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_steps" ADD CONSTRAINT "sign_off_steps_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_off_steps" ADD CONSTRAINT "sign_off_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_step_id_sign_off_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."sign_off_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_version_id_answer_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."answer_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_version_id_answer_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."answer_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_part_id_answer_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."answer_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_recommendations" ADD CONSTRAINT "consultation_recommendations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_addressee_organization_id_organizations_id_fk" FOREIGN KEY ("addressee_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_facts" ADD CONSTRAINT "tool_facts_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_facts" ADD CONSTRAINT "tool_facts_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_facts" ADD CONSTRAINT "tool_facts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_criteria_sets" ADD CONSTRAINT "inventory_criteria_sets_inventory_id_tool_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."tool_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_criteria_sets" ADD CONSTRAINT "inventory_criteria_sets_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_assessments" ADD CONSTRAINT "tool_assessments_inventory_row_id_tool_inventory_rows_id_fk" FOREIGN KEY ("inventory_row_id") REFERENCES "public"."tool_inventory_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_assessments" ADD CONSTRAINT "tool_assessments_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_assessments" ADD CONSTRAINT "tool_assessments_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_inventories" ADD CONSTRAINT "tool_inventories_version_id_answer_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."answer_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_inventory_rows" ADD CONSTRAINT "tool_inventory_rows_inventory_id_tool_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."tool_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_inventory_rows" ADD CONSTRAINT "tool_inventory_rows_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrices" ADD CONSTRAINT "tool_usage_matrices_inventory_id_tool_inventories_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."tool_inventories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_cells" ADD CONSTRAINT "tool_usage_matrix_cells_row_id_tool_usage_matrix_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."tool_usage_matrix_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_cells" ADD CONSTRAINT "tool_usage_matrix_cells_column_id_tool_usage_matrix_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."tool_usage_matrix_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_columns" ADD CONSTRAINT "tool_usage_matrix_columns_matrix_id_tool_usage_matrices_id_fk" FOREIGN KEY ("matrix_id") REFERENCES "public"."tool_usage_matrices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_columns" ADD CONSTRAINT "tool_usage_matrix_columns_inventory_row_id_tool_inventory_rows_id_fk" FOREIGN KEY ("inventory_row_id") REFERENCES "public"."tool_inventory_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_rows" ADD CONSTRAINT "tool_usage_matrix_rows_matrix_id_tool_usage_matrices_id_fk" FOREIGN KEY ("matrix_id") REFERENCES "public"."tool_usage_matrices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_usage_matrix_rows" ADD CONSTRAINT "tool_usage_matrix_rows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_body_id_role_index" ON "memberships" USING btree ("body_id","role");--> statement-breakpoint
CREATE INDEX "organizations_body_id_kind_index" ON "organizations" USING btree ("body_id","kind");--> statement-breakpoint
CREATE INDEX "people_body_id_index" ON "people" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "meetings_body_id_date_index" ON "meetings" USING btree ("body_id","date");--> statement-breakpoint
CREATE INDEX "inquiries_search_idx" ON "inquiries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "inquiries_title_trgm_idx" ON "inquiries" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inquiries_body_id_status_index" ON "inquiries" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "questions_search_idx" ON "questions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "files_body_id_index" ON "files" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "answer_parts_search_idx" ON "answer_parts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "answers_body_id_status_index" ON "answers" USING btree ("body_id","status");--> statement-breakpoint
CREATE INDEX "consultations_answer_id_index" ON "consultations" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "tool_facts_tool_id_index" ON "tool_facts" USING btree ("tool_id");--> statement-breakpoint
CREATE INDEX "events_aggregate_type_aggregate_id_occurred_at_index" ON "events" USING btree ("aggregate_type","aggregate_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_body_id_recorded_at_index" ON "events" USING btree ("body_id","recorded_at");--> statement-breakpoint
CREATE INDEX "notifications_user_id_read_at_index" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "outbox_status_next_attempt_at_index" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");