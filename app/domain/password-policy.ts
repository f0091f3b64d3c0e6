/**
 * What a new password must satisfy (NIST SP 800-63B / BSI: length over composition rules): at least 10
 * characters, at most 1000 (argon2 cost stays bounded), not on a list of common passwords, not the account's
 * e-mail address or its local part. Pure: the common-password list is passed in by the caller.
 */
import { accountsText } from "./texts/accounts";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1000;

export type PasswordProblem = "too_short" | "too_long" | "common" | "like_email";

export interface PasswordContext {
  /** The account's e-mail address. */
  email: string;
  /** True when the (lower-cased) password is on the shipped list of common passwords. */
  isCommon: (lowerCasedPassword: string) => boolean;
}

/** Length in user-perceived characters, so that "ä" or an emoji count once. */
function characterCount(password: string): number {
  return [...password].length;
}

/** The first problem with a candidate password, or null when it may be used. */
export function checkPassword(password: string, context: PasswordContext): PasswordProblem | null {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.trim().toLowerCase();
  const email = context.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  if (lower === email || (localPart.length > 0 && lower === localPart)) return "like_email";
  if (context.isCommon(lower)) return "common";
  // "passwort1234" is as weak as "passwort": a listed word followed only by digits or punctuation.
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (stem.length >= 4 && stem !== lower && context.isCommon(stem)) return "common";
  return null;
}

/** German message for a problem (shown next to the password field). */
export function passwordProblemMessage(problem: PasswordProblem): string {
  return accountsText.passwordProblems[problem];
}
