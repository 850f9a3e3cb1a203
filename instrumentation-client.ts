// Runs in the browser before the app's code. Zod 4 probes for eval (`new Function("")`) to compile
// faster parsers; under the Content-Security-Policy (no 'unsafe-eval', lib/http/csp.ts) that probe is
// a reported violation. Parsing works the same without it.
import { z } from "zod";

z.config({ jitless: true });
