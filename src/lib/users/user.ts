/** A user as stored, hash included. Never leaves the server. */
export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: number;
  sessionVersion: number;
  /** When the owner followed a verification or email-change link; null while unverified (issue 12). */
  emailVerifiedAt: number | null;
  /** An admin disabled the account: its sign-in fails like a wrong password, its seals are refused (issue 11). */
  disabled: boolean;
}

/** What a client may see of a user (R56: return only what the client needs). */
export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
}

export function toPublicUser(user: UserRecord): PublicUser {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/** How pages greet the user: the name when there is one, else the email. */
export function displayName(user: PublicUser): string {
  return user.name ?? user.email;
}
