import { checkPasswordStrength } from "./src/lib/auth/password-strength";

const ctx = { appName: "Iron Gate", email: "someone@example.com" };
for (const p of process.argv.slice(2)) console.log(checkPasswordStrength(p, ctx).ok, p);
