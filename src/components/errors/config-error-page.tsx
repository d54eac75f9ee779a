import type { ConfigProblem } from '../../lib/config.ts';

/** Shown instead of the portal when its configuration is invalid: names each bad variable. */
export function ConfigErrorPage(props: { problems: ConfigProblem[] }) {
  return (
    <main id="main" className="stack">
      <title>Configuration error · Green Button Portal</title>
      <h1>The portal is not configured correctly</h1>
      <div className="alert alert--error" role="alert">
        <p>The portal cannot start because of its configuration:</p>
        <ul>
          {props.problems.map((problem) => (
            <li key={problem.variable}>
              <code>{problem.variable}</code> {problem.message}.
            </li>
          ))}
        </ul>
      </div>
      <p>
        If you run this portal, set these variables in the build environment (see <code>.env.example</code>)
        and rebuild. If you are a customer, please try again later or contact your utility.
      </p>
    </main>
  );
}
