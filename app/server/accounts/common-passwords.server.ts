/**
 * The list of common passwords shipped with the app: the ~49,000 entries of @zxcvbn-ts/language-common
 * (compiled from breach corpora) plus a few German ones, lower-cased, loaded into a Set once per process.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

const GERMAN_ADDITIONS = [
  "passwort",
  "passwort1",
  "passwort123",
  "passwort1234",
  "hallo123",
  "hallo12345",
  "geheim",
  "geheim123",
  "schalke04",
  "fussball",
  "quaestio",
  "quaestio123",
  "quaestio2026",
  "norderstedt",
  "scharnebeck",
  "1234567890",
  "0123456789",
  "qwertzuiop",
  "asdfghjklö",
];

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary["passwords-common"], ...GERMAN_ADDITIONS].map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(lowerCasedPassword: string): boolean {
  return commonPasswords().has(lowerCasedPassword);
}
