import Document, { type DocumentContext, type DocumentInitialProps, Head, Html, Main, NextScript } from "next/document";
import type { JSX } from "react";
import { bodyClass } from "@/components/styles";

type Props = DocumentInitialProps & { nonce: string | undefined };

/** Pages Router pages take the proxy's CSP nonce for their scripts, like App Router pages do on their own. */
export default class PagesDocument extends Document<Props> {
  static override async getInitialProps(context: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(context);
    const nonce = context.req?.headers["x-nonce"];
    return { ...initial, nonce: typeof nonce === "string" ? nonce : undefined };
  }

  override render(): JSX.Element {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className={bodyClass}>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
