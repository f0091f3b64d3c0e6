/** Password hashing with argon2id (OWASP parameters: 19 MiB memory, 2 iterations, parallelism 1) and the policy check. */
import { hash, verify } from "@node-rs/argon2";
import { checkPassword, type PasswordProblem } from "../../domain/password-policy";
import { isCommonPassword } from "./common-passwords.server";

const ARGON2ID = 2; // Algorithm.Argon2id; the const enum is not importable under isolatedModules
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The password policy with the shipped common-password list: null when `password` may be set for `email`. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  return checkPassword(password, { email, isCommon: isCommonPassword });
}
