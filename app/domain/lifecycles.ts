/** The three lifecycles by name; the engine itself is in ./lifecycle. */
import { answerLifecycle } from "./answer-lifecycle";
import { inquiryLifecycle } from "./inquiry-lifecycle";
import type { Lifecycle, LifecycleName } from "./lifecycle";
import { motionLifecycle } from "./motion-lifecycle";

export { answerLifecycle, inquiryLifecycle, motionLifecycle };

export const lifecycles: Record<LifecycleName, Lifecycle<string, string>> = {
  inquiry: inquiryLifecycle,
  motion: motionLifecycle,
  answer: answerLifecycle,
};
