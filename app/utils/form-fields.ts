import { z } from "zod";

/**
 * The e-mail address field of the public and account forms (sign-in, password reset, subscription), with the
 * page's own German messages. Conform turns an empty field into undefined: `message` covers the missing field.
 */
export function emailAddressField(messages: { missing: string; invalid: string }) {
  return z
    .string({ message: messages.missing })
    .trim()
    .min(1, messages.missing)
    .max(254, messages.invalid)
    .email(messages.invalid);
}

/** Honeypot: hidden from people, filled in by form-spamming bots; never refused (cut before parsing). */
export const honeypotField = z.string().max(2000).optional();
