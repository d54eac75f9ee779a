import type { RatePlan } from '../../../espi/index.ts';

/** How the comparison was made and what it leaves out, in plain words; then each plan as published. */
export function MethodAndLimits(props: { plans: RatePlan[] }) {
  return (
    <>
      <h2>How this was worked out</h2>
      <ul>
        <li>
          Your meter’s readings for each of the last 12 whole calendar months were priced under each plan with
          the utility’s published rates, hour by hour in your local time (summer and winter hours, weekdays
          and weekends, and the change to and from daylight saving time included).
        </li>
        <li>
          It assumes you would have used electricity exactly as you did. On a time-of-use plan, moving use out
          of the peak hours would cost less than shown.
        </li>
        <li>
          Demand charges use the highest demand of any single reading in the month (15 minutes or an hour, as
          your meter records).
        </li>
        <li>
          Taxes, public-purpose and franchise surcharges, credits and one-off fees are not included, and
          electricity you sent back to the grid (for example from solar panels) is not credited. Today’s rates
          are applied to every month, even where rates were different then.
        </li>
        <li>
          Holidays are priced as the weekdays they fell on. A month with missing readings is priced on what
          was read.
        </li>
      </ul>
      <h2>The plans</h2>
      <dl className="rate-plans">
        {props.plans.map((plan) => (
          <div key={plan.id}>
            <dt>{plan.tariff.name}</dt>
            <dd>
              {plan.summary} {plan.tariff.description}
              <span className="muted"> Rates modelled on {plan.modelledOn}.</span>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
