/**
 * Which namespace an element is in. The reader matches elements by local name, so a file that binds its
 * prefix to another namespace than ESPI's would be read as ESPI without a word; this keeps the namespace
 * declarations of the enclosing feed, entry and content elements so each resource's can be checked.
 */
import type { XmlScanner } from '../xml-scanner.ts';

export class NamespaceScopes {
  /** Declarations of the open elements tracked, outermost first. */
  private readonly stack: ReadonlyMap<string, string>[] = [];
  private readonly sighted = new Set<string>();

  /** Records the declarations of the start tag the scanner is on; `leave` forgets them at its end. */
  enter(sc: XmlScanner): void {
    this.stack.push(sc.declarations());
  }

  leave(): void {
    this.stack.pop();
  }

  /** The namespace of the start tag the scanner is on: its own declaration, else the nearest enclosing one. */
  namespaceOf(sc: XmlScanner): string | undefined {
    const prefix = sc.prefix();
    const own = sc.declarations().get(prefix);
    if (own !== undefined) return own;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const declared = this.stack[i]?.get(prefix);
      if (declared !== undefined) return declared;
    }
    return undefined;
  }

  /** True the first time a namespace is passed: each foreign namespace is reported once. */
  firstSighting(ns: string): boolean {
    if (this.sighted.has(ns)) return false;
    this.sighted.add(ns);
    return true;
  }
}
