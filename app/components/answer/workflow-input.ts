/** What the answer page's workflow forms post (sign-off, publication with Beratungsfolge, correction, holding). */
import { z } from "zod";

export const WORKFLOW_INTENTS = [
  "send_to_sign_off",
  "sign",
  "return",
  "publish",
  "start_correction",
  "publish_correction",
  "sign_correction",
  "holding_answer",
] as const;

export const Workflow = z.object({
  intent: z.enum(WORKFLOW_INTENTS),
  version: z.coerce.number().int().min(1).max(2_000_000_000),
  stepId: z.string().uuid().optional(),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  confirm: z.literal("on").optional(),
  comment: z.string().max(5000).optional(),
  documentReference: z.string().max(1000).optional(),
  documentDate: z.string().max(20).optional(),
  correctionNote: z.string().max(5000).optional(),
  holdingMessage: z.string().max(5000).optional(),
  holdingExpectedOn: z.string().max(20).optional(),
  beratungsfolgeMeetingId: z.string().max(40).optional(),
  beratungsfolgeOrganId: z.string().max(40).optional(),
  beratungsfolgeDate: z.string().max(20).optional(),
  beratungsfolgeRole: z.string().max(100).optional(),
});
