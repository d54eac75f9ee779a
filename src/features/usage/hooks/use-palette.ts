import { useMemo } from 'react';

/**
 * Resolved values of the palette's custom properties: SVG presentation attributes (recharts' `stroke`)
 * do not take `var()`, so the colours are read from the stylesheet, light or dark as it chose.
 */
export function usePalette(names: readonly string[]): Record<string, string> {
  const key = names.join(',');
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(
      key.split(',').map((name) => [name, style.getPropertyValue(name).trim() || 'currentColor']),
    );
  }, [key]);
}
