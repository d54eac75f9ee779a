import { formatMoney } from '../../../espi/index.ts';

/** ISO 4217 numeric code of the US dollar: URDB prices are in dollars. */
const USD = 840;

export const dollars = (amount: number) => formatMoney(amount, USD);
