// `tsc` runs before `next build` in the test runner, when Next's generated next-env.d.ts (git-ignored)
// may not exist yet; this gives CSS modules the same type Next declares for them.
declare module '*.module.css' {
  const classes: { readonly [key: string]: string };
  export default classes;
}
