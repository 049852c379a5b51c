import type { AppProps } from "next/app";
import type { ReactNode } from "react";
import "../app/globals.css";

export default function PagesApp({ Component, pageProps }: AppProps): ReactNode {
  return <Component {...pageProps} />;
}
