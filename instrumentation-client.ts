// Runs in the browser before the app starts. zod validates the forms without compiling validators
// at run time: its probe for whether it may (`new Function`) is refused by the pages' CSP, which
// has no 'unsafe-eval', and Chromium reports the refusal as a violation even though zod catches it.
import { config } from "zod/v4/core";

config({ jitless: true });
