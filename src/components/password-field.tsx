import type { ComponentProps, ReactNode } from "react";
import { TextField } from "./text-field";

type Props = Omit<ComponentProps<typeof TextField>, "type" | "autoComplete" | "required" | "label"> & {
  /** `current` for a password being entered (sign-in, step-up), `new` for one being chosen. */
  kind: "current" | "new";
  label?: string;
};

/** A required password input that password managers can fill (`current-password`) or offer to save (`new-password`). */
export function PasswordField({ kind, label = "Password", ...field }: Props): ReactNode {
  return <TextField type="password" autoComplete={`${kind}-password`} required label={label} {...field} />;
}
