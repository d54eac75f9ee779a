export function Component() {
  return (
    <main id="main">
      <h1>Example Utility sign-in</h1>
    </main>
  );
}
