/** Starts the mock custodian in this page (demo builds only; see app/router.tsx and main.tsx). */
export async function startDemo(): Promise<void> {}
