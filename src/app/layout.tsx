import type { Metadata } from "next";
import type { ReactNode } from "react";
import { bodyClass } from "@/components/styles";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Iron Gate", template: "%s · Iron Gate" },
  description: "Email and password sign-in with sealed-cookie sessions.",
  icons: "/icon.svg",
};

export default function RootLayout({ children }: { children: ReactNode }): ReactNode {
  return (
    <html lang="en">
      <body className={bodyClass}>{children}</body>
    </html>
  );
}
