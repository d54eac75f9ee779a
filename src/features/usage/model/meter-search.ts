import type { UsagePointListing } from '../api/usage-points.ts';
import { serviceLabel } from '../../../espi/index.ts';

/** Usage points whose text holds every word of `query` (any order, any case). */
export function filterUsagePoints(usagePoints: UsagePointListing[], query: string): UsagePointListing[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return usagePoints;
  return usagePoints.filter((up) => {
    const text = [up.title, up.id, up.meterId, up.site, up.address, serviceLabel(up.serviceKind)]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
