/**
 * The fill of a period the data covers only part of: the series colour in stripes over a pale wash, so a
 * partial month reads as "less than a month" without relying on colour, in the chart and in its legend.
 */
export function PartialHatch(props: { id: string; color: string }) {
  return (
    <pattern id={props.id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={props.color} fillOpacity={0.25} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={props.color} strokeWidth="2.5" />
    </pattern>
  );
}
