"use client";

import { type FormEvent, useState } from "react";
import { errorText } from "./api-error";
import { useStepUpFetch } from "./step-up-dialog";

type StepUpRequest = {
  busy: boolean;
  error: string | undefined;
  /** The form's `onSubmit`: with JavaScript the request replaces the server action. */
  submit: (event: FormEvent<HTMLFormElement>) => void;
};

/**
 * A form whose one request needs a recent password (R61): `send` goes through `useStepUpFetch`, then the
 * browser goes to `doneUrl`. A 401 (signed out meanwhile, perhaps by this very request) goes to
 * `signedOutUrl`, a page that sends the browser to the login page; any other refusal is shown as `error`.
 */
export function useStepUpRequest(
  send: () => Promise<Response>,
  urls: { doneUrl: string; signedOutUrl: string },
): StepUpRequest {
  const stepUpFetch = useStepUpFetch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await stepUpFetch(send);
      if (!response) return;
      if (response.ok) window.location.assign(urls.doneUrl);
      else if (response.status === 401) window.location.assign(urls.signedOutUrl);
      else setError(await errorText(response));
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void run();
  };

  return { busy, error, submit };
}
