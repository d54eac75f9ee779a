/**
 * A selection of meter ids as an immutable set: every change returns a new set, so React sees it and
 * the wizard draft can store it as a plain list.
 */
export type Selection = ReadonlySet<string>;

export function toggle(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (!next.delete(id)) next.add(id);
  return next;
}

export function selectAll(selection: Selection, ids: Iterable<string>): Selection {
  const next = new Set(selection);
  for (const id of ids) next.add(id);
  return next;
}

export function deselectAll(selection: Selection, ids: Iterable<string>): Selection {
  const next = new Set(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** How many of `ids` are selected: drives the "select all N matching" box (checked, mixed, empty). */
export function coverage(selection: Selection, ids: readonly string[]): 'all' | 'some' | 'none' {
  let selected = 0;
  for (const id of ids) if (selection.has(id)) selected++;
  if (selected === 0) return 'none';
  return selected === ids.length ? 'all' : 'some';
}

/** Keeps only ids that still exist (a meter removed since the draft was saved). */
export function restrictTo(selection: Selection, known: ReadonlySet<string>): Selection {
  return new Set([...selection].filter((id) => known.has(id)));
}
