/**
 * Fewer points for a chart than a year of 15-minute readings, without losing what a person looks for.
 * Both functions are pure: x and y columns in (x ascending), indices of the points to draw out.
 *
 * NaN in y is a gap (aggregate.ts): the first index of every run of NaN is kept so the line still breaks.
 */

/** About two points per horizontal pixel: enough for min/max per pixel column. */
export function targetPointsFor(widthPx: number): number {
  return Math.max(4, Math.round(widthPx * 2));
}

function allIndices(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i);
}

/**
 * Min/max per pixel column: the x range is cut into `targetPoints / 2` equal columns and each keeps its
 * lowest and highest point (in x order), so every peak and trough survives. Best for dense load profiles.
 */
export function minMaxDownsample(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  targetPoints: number,
): Uint32Array {
  const n = Math.min(x.length, y.length);
  if (n <= targetPoints || n < 3) return allIndices(n);
  const columns = Math.max(1, Math.floor(targetPoints / 2));
  const x0 = x[0] ?? 0;
  const span = (x[n - 1] ?? 0) - x0 || 1;
  const out: number[] = [0];
  let i = 1;
  for (let c = 0; c < columns && i < n - 1; c++) {
    const columnEnd = c === columns - 1 ? Infinity : x0 + (span * (c + 1)) / columns;
    let minI = -1;
    let maxI = -1;
    let inGap = false;
    for (; i < n - 1 && (x[i] ?? 0) < columnEnd; i++) {
      const v = y[i] ?? NaN;
      if (Number.isNaN(v)) {
        if (!inGap && !Number.isNaN(y[i - 1] ?? NaN)) {
          // Close the column so far, then mark the gap: points must stay in x order.
          if (minI >= 0) out.push(...(minI < maxI ? [minI, maxI] : minI > maxI ? [maxI, minI] : [minI]));
          minI = maxI = -1;
          out.push(i);
        }
        inGap = true;
        continue;
      }
      inGap = false;
      if (minI < 0 || v < (y[minI] ?? 0)) minI = i;
      if (maxI < 0 || v > (y[maxI] ?? 0)) maxI = i;
    }
    if (minI >= 0) out.push(...(minI < maxI ? [minI, maxI] : minI > maxI ? [maxI, minI] : [minI]));
  }
  out.push(n - 1);
  return Uint32Array.from(out);
}

/**
 * Largest-Triangle-Three-Buckets (S. Steinarsson, "Downsampling Time Series for Visual Representation",
 * 2013): keeps the shape of a smooth series with exactly about `targetPoints` points. Gaps are kept as above.
 */
export function lttb(x: ArrayLike<number>, y: ArrayLike<number>, targetPoints: number): Uint32Array {
  const n = Math.min(x.length, y.length);
  if (n <= targetPoints || targetPoints < 3) return allIndices(n);
  const valid: number[] = [];
  const gapStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(y[i] ?? NaN)) {
      if (i === 0 || !Number.isNaN(y[i - 1] ?? NaN)) gapStarts.push(i);
    } else valid.push(i);
  }
  const m = valid.length;
  const keep: number[] = [];
  if (m <= targetPoints) keep.push(...valid);
  else {
    const at = (k: number) => valid[k] ?? 0;
    const every = (m - 2) / (targetPoints - 2);
    let a = 0;
    keep.push(at(0));
    for (let bucket = 0; bucket < targetPoints - 2; bucket++) {
      // Average of the next bucket: the third point of the triangle.
      const nextStart = Math.floor((bucket + 1) * every) + 1;
      const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, m);
      let avgX = 0;
      let avgY = 0;
      for (let k = nextStart; k < nextEnd; k++) {
        avgX += x[at(k)] ?? 0;
        avgY += y[at(k)] ?? 0;
      }
      const len = Math.max(1, nextEnd - nextStart);
      avgX /= len;
      avgY /= len;
      const start = Math.floor(bucket * every) + 1;
      const end = Math.floor((bucket + 1) * every) + 1;
      const ax = x[at(a)] ?? 0;
      const ay = y[at(a)] ?? 0;
      let bestArea = -1;
      let best = start;
      for (let k = start; k < end; k++) {
        const area = Math.abs((ax - avgX) * ((y[at(k)] ?? 0) - ay) - (ax - (x[at(k)] ?? 0)) * (avgY - ay));
        if (area > bestArea) {
          bestArea = area;
          best = k;
        }
      }
      keep.push(at(best));
      a = best;
    }
    keep.push(at(m - 1));
  }
  if (gapStarts.length === 0) return Uint32Array.from(keep);
  return Uint32Array.from([...keep, ...gapStarts].sort((p, q) => p - q));
}
