/** The document title for a page; React 19 hoists <title> into <head>. */
export function PageTitle(props: { children: string }) {
  return <title>{`${props.children} · Green Button Portal`}</title>;
}
