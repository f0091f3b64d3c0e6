/** The password policy (pure) with a small list, and the shipped list through the server module. */
import { describe, expect, it } from "vitest";
import { describeDevice, formatSessionTime } from "../../app/domain/device";
import { checkPassword, passwordProblemMessage, type PasswordProblem } from "../../app/domain/password-policy";
import { isCommonPassword } from "../../app/server/accounts/common-passwords.server";
import { passwordProblem } from "../../app/server/accounts/passwords.server";

const SMALL_LIST = new Set(["password", "passwort", "qwertyuiop", "letmein123", "sommer"]);
const context = { email: "Fraktion@Norderstedt.quaestio.example", isCommon: (p: string) => SMALL_LIST.has(p) };

describe("checkPassword", () => {
  const cases: Array<[string, string, PasswordProblem | null]> = [
    ["empty", "", "too_short"],
    ["9 characters", "abcdefghi", "too_short"],
    ["9 umlauts count as 9", "äöüäöüäöü", "too_short"],
    ["emoji count as one character each", "🔑🔑🔑🔑🔑🔑🔑🔑🔑", "too_short"],
    ["10 characters", "abcdefghij", null],
    ["the demo password", "Demo-Quaestio-2026", null],
    ["a German passphrase", "Kaffee trinken im Ratssaal", null],
    ["1000 characters", "x".repeat(1000), null],
    ["1001 characters", "x".repeat(1001), "too_long"],
    ["on the list", "qwertyuiop", "common"],
    ["on the list, other case", "QwertyUiop", "common"],
    ["on the list with surrounding spaces", "  letmein123  ", "common"],
    ["a listed word plus digits", "passwort2026", "common"],
    ["a listed word plus digits and punctuation", "Password123!", "common"],
    ["a listed short word plus many digits", "sommer123456", "common"],
    ["a listed word inside a longer phrase", "mein password ist lang", null],
    ["the e-mail address", "fraktion@norderstedt.quaestio.example", "like_email"],
    ["the e-mail address in capitals", "FRAKTION@NORDERSTEDT.QUAESTIO.EXAMPLE", "like_email"],
    ["the local part when long enough", "fraktion12", null],
  ];
  it.each(cases)("%s", (_label, password, expected) => {
    expect(checkPassword(password, context)).toBe(expected);
  });

  it("rejects the local part of a long local part", () => {
    expect(
      checkPassword("sachbearbeitung", { email: "sachbearbeitung@hamburg.quaestio.example", isCommon: () => false }),
    ).toBe("like_email");
  });

  it.each<PasswordProblem>(["too_short", "too_long", "common", "like_email"])(
    "has a German message for %s",
    (problem) => {
      expect(passwordProblemMessage(problem)).toMatch(/Passwort/);
    },
  );
});

describe("the shipped common-password list", () => {
  it.each(["password", "123456789", "qwertyuiop", "1q2w3e4r5t", "passwort", "iloveyou"])("contains %s", (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it("does not contain the demo password or a passphrase", () => {
    expect(isCommonPassword("demo-quaestio-2026")).toBe(false);
    expect(isCommonPassword("kaffee trinken im ratssaal")).toBe(false);
  });

  const serverCases: Array<[string, PasswordProblem | null]> = [
    ["1234567890", "common"],
    ["qwertyuiop", "common"],
    ["Password1234", "common"],
    ["iloveyou12", "common"],
    ["kurz", "too_short"],
    ["Demo-Quaestio-2026", null],
    ["Ratsanfrage zur Kita-Versorgung", null],
  ];
  it.each(serverCases)("passwordProblem(%j) is %s", (password, expected) => {
    expect(passwordProblem(password, "fraktion@norderstedt.quaestio.example")).toBe(expected);
  });
});

describe("describeDevice", () => {
  const cases: Array<[string | null, string]> = [
    [null, "Unbekanntes Gerät"],
    ["", "Unbekanntes Gerät"],
    ["curl/8.5.0", "Unbekanntes Gerät"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", "Firefox unter Linux"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge unter Windows",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari unter iOS",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome unter macOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome unter Android",
    ],
  ];
  it.each(cases)("%j → %s", (ua, expected) => {
    expect(describeDevice(ua)).toBe(expected);
  });

  it("formats session times in German time", () => {
    expect(formatSessionTime(new Date("2026-11-23T10:05:00Z"))).toBe("23.11.2026, 11:05");
    expect(formatSessionTime(new Date("2026-07-01T22:30:00Z"))).toBe("02.07.2026, 00:30");
  });
});
