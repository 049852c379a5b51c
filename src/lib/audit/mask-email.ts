/** `ada@example.com` → `a***@example.com`: enough to spot a pattern, not to learn who. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
