import { describe, expect, it } from 'vitest';
import { v5 } from 'uuid';
import { ESPI_ID_NAMESPACE, espiId, isUrnUuid, uuidV5 } from './ids.ts';

describe('ids', () => {
  it('derives stable version-5 urn:uuid ids', () => {
    const id = espiId('meter-42', 'IntervalBlock', 3);
    expect(id).toBe(espiId('meter-42', 'IntervalBlock', 3));
    expect(id).not.toBe(espiId('meter-42', 'IntervalBlock', 4));
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUrnUuid(id)).toBe(true);
    expect(id).toBe(`urn:uuid:${v5('meter-42/IntervalBlock/3', ESPI_ID_NAMESPACE)}`);
  });

  it('matches the RFC 4122 test vector for the DNS namespace', () => {
    // RFC 4122 errata / Python uuid docs: uuid5(NAMESPACE_DNS, 'python.org').
    expect(uuidV5('python.org', v5.DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('rejects ids that are not urn:uuid', () => {
    expect(isUrnUuid('urn:uuid:not-a-uuid')).toBe(false);
    expect(isUrnUuid('886313e1-3b8a-5372-9b90-0c9aee199e5d')).toBe(false);
  });
});
