import { headers } from "next/headers";
import { env } from "@/lib/config/env";
import { type RequestContext, requestContext } from "./request-context";

/** The context of the request being served (route handlers, server actions, server components). */
export async function currentRequestContext(): Promise<RequestContext> {
  return requestContext(await headers(), env().TRUST_PROXY);
}
