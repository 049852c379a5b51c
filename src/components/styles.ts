/**
 * The few class lists every page shares, each with its dark-mode twin (Tailwind's `dark:` follows
 * `prefers-color-scheme`), so a button or card looks the same wherever it is and passes contrast in both.
 */
export const primaryButton =
  "rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70";

export const secondaryButton =
  "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

/** For an action that cannot be undone from this page, such as signing this device out too. */
export const dangerButton =
  "rounded-lg bg-red-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-red-800 disabled:cursor-wait disabled:opacity-70 dark:bg-red-600 dark:hover:bg-red-700";

export const smallButton =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

export const card = "rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900";

export const link = "font-medium text-brand-700 underline dark:text-brand-300";

export const mutedText = "text-slate-600 dark:text-slate-400";

/** A modal `<dialog>`: off the screen's edges on a phone, in the page's colour scheme. */
export const dialogBox =
  "m-auto w-[calc(100%-2rem)] rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** Both routers' `<body>`. */
export const bodyClass = "min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100";
