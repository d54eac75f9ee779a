/**
 * The reader for feeds of retail-customer resources (customer.xsd): a customer's accounts, service
 * locations and bills, with their links resolved, so a page can tie a bill to its account and an account
 * to its address and meters. Customer data never shares a feed with usage data (customer.xsd), so this is
 * a reader of its own beside `readEspi`, on the same scanner, limits and warnings.
 */
import type { CustomerAccount, ServiceLocation, Statement } from '../customer-model.ts';
import type { AtomMeta, ParseWarning } from '../model.ts';
import { hrefResolver } from '../link-graph.ts';
import { walkDocument, type ReadOptions } from './read-espi.ts';

export interface CustomerDocument {
  accounts: CustomerAccount[];
  serviceLocations: ServiceLocation[];
  statements: Statement[];
  /** The feed's next page, resolved: a long list of bills comes in pages. */
  next?: string;
  warnings: ParseWarning[];
  partial: boolean;
}

export function readCustomerDocument(
  input: string | Uint8Array,
  options: ReadOptions = {},
): CustomerDocument {
  const { staged, log } = walkDocument(input, options);
  const resolve = hrefResolver(options.baseUrl, staged.feedSelf);
  const resolved = (meta: AtomMeta): AtomMeta => ({
    ...meta,
    ...(meta.selfHref ? { selfHref: resolve(meta.selfHref) } : {}),
    ...(meta.upHref ? { upHref: resolve(meta.upHref) } : {}),
    relatedHrefs: meta.relatedHrefs.map(resolve),
  });
  const doc: CustomerDocument = {
    accounts: [],
    serviceLocations: [],
    statements: [],
    ...(staged.feedNext ? { next: resolve(staged.feedNext) } : {}),
    warnings: [],
    partial: false,
  };
  for (const { resources } of staged.entries) {
    for (const r of resources) {
      if (r.kind === 'CustomerAccount') doc.accounts.push({ ...r.value, meta: resolved(r.value.meta) });
      else if (r.kind === 'Statement') doc.statements.push({ ...r.value, meta: resolved(r.value.meta) });
      else if (r.kind === 'ServiceLocation')
        doc.serviceLocations.push({
          ...r.value,
          meta: resolved(r.value.meta),
          usagePointHrefs: r.value.usagePointHrefs.map(resolve),
        });
    }
  }
  doc.warnings = log.finish();
  doc.partial = log.partial;
  options.onProgress?.(1);
  return doc;
}
