/**
 * The ranges of ESPI's number types (espi.xsd) that the reader checks, so that no number it hands on
 * becomes Infinity, a wrapped integer or a date JavaScript cannot hold further down (a 13-digit start
 * made `toISOString` throw in summarize and csv; `1e400` made a total of Infinity, printed as null).
 */
export interface NumberRange {
  min: number;
  max: number;
  /** The type, for a warning: "ESPI's Int48". */
  type: string;
}

const UINT32_MAX = 0xffff_ffff;

/** xs:long, as far as a double tells it apart. */
export const LONG: NumberRange = { min: -(2 ** 63), max: 2 ** 63, type: 'xs:long' };
export const INT48: NumberRange = {
  min: -140_737_488_355_328,
  max: 140_737_488_355_328,
  type: "ESPI's Int48",
};
export const UINT32: NumberRange = { min: 0, max: UINT32_MAX, type: "ESPI's UInt32" };
/** Block and period lengths: UInt32, negatives left for the reader to report as such. */
export const SPAN: NumberRange = { min: -UINT32_MAX, max: UINT32_MAX, type: "ESPI's UInt32" };
/** Time zone and DST offsets, in seconds: far wider than any real one, narrow enough to keep dates valid. */
export const OFFSET: NumberRange = { min: -(2 ** 31), max: 2 ** 31, type: 'an offset of seconds' };
/** UnitMultiplierKind: 10^-12 to 10^12. */
export const MULTIPLIER: NumberRange = { min: -12, max: 12, type: "ESPI's UnitMultiplierKind (-12 to 12)" };
/**
 * TimeType seconds a JavaScript Date holds (it reaches 8.64e15 ms either side of 1970, about 273,000
 * years), less room for a UInt32 duration and two offsets, so a start plus its duration and local-time
 * offsets is still a valid date.
 */
export const TIME: NumberRange = {
  min: -8.64e12 + 2 ** 33,
  max: 8.64e12 - 2 ** 33,
  type: 'the dates JavaScript can represent (about 270,000 years either side of 1970)',
};

export function inRange(value: number, range: NumberRange): boolean {
  return value >= range.min && value <= range.max;
}
