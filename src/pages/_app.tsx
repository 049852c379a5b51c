import type { AppProps } from "next/app";
import Head from "next/head";
import type { ReactNode } from "react";
import "../app/globals.css";

export default function PagesApp({ Component, pageProps }: AppProps): ReactNode {
  return (
    <>
      <Head>
        <link rel="icon" href="/icon.svg" />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
