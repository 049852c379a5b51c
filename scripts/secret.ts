/** Prints a new random session secret: `npm run secret`. */
import { generateSecret } from "@/lib/config/dev-secret";

console.log(generateSecret());
