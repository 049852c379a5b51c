/** One message as the app writes it; `reason` says why it was sent (shown in the message, kept in the outbox). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  reason: string;
}
