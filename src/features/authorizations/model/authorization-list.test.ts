import { describe, expect, test } from 'vitest';
import {
  compareForList,
  countByStatus,
  listPage,
  readListQuery,
  writeListQuery,
  type AuthorizationStatus,
  type ListedAuthorization,
} from './authorization-list.ts';

function row(id: string, status: AuthorizationStatus, name: string, createdAt = 0, updatedAt = createdAt) {
  return { id, status, thirdParty: { name }, createdAt, updatedAt } satisfies ListedAuthorization;
}

describe('URL query', () => {
  test('reads search, status and page, and writes back only what differs from the defaults', () => {
    const query = readListQuery(new URLSearchParams('q=Solar&status=revoked&page=3'));
    expect(query).toEqual({ search: 'Solar', status: 'revoked', page: 3 });
    expect(writeListQuery(query).toString()).toBe('q=Solar&status=revoked&page=3');
    expect(writeListQuery({ search: '  ', status: 'all', page: 1 }).toString()).toBe('');
  });

  test('falls back to defaults for values a hand-edited link may carry', () => {
    expect(readListQuery(new URLSearchParams('status=pending&page=-2'))).toEqual({
      search: '',
      status: 'all',
      page: 1,
    });
    expect(readListQuery(new URLSearchParams('page=2.5')).page).toBe(1);
  });
});

describe('order', () => {
  test('active first, newest grant first; then history by most recent change', () => {
    const rows = [
      row('old-active', 'active', 'A', 100),
      row('revoked-recently', 'revoked', 'B', 50, 900),
      row('new-active', 'active', 'C', 500),
      row('expired-long-ago', 'expired', 'D', 10, 20),
      row('denied', 'denied', 'E', 300, 300),
    ];
    expect(rows.sort(compareForList).map((r) => r.id)).toEqual([
      'new-active',
      'old-active',
      'revoked-recently',
      'denied',
      'expired-long-ago',
    ]);
  });
});

describe('listPage', () => {
  const rows = [
    row('1', 'active', 'BrightWatt Energy Insights', 10),
    row('2', 'revoked', 'SunTrack Solar Monitor', 5, 40),
    row('3', 'active', 'SunTrack Solar Monitor', 20),
    row('4', 'denied', 'Énergie Verte', 1, 1),
    row('5', 'expired', '<img src=x onerror=alert(1)>', 2, 30),
  ];

  test('splits the page into the current section and history, with totals', () => {
    const page = listPage(rows, { search: '', status: 'all', page: 1 });
    expect(page.sections.map((s) => [s.key, s.items.map((i) => i.id), s.total])).toEqual([
      ['active', ['3', '1'], 2],
      ['history', ['2', '5', '4'], 3],
    ]);
    expect(page.matching).toBe(5);
  });

  test('searches the app name ignoring case and accents, and filters by status', () => {
    const solar = listPage(rows, { search: 'suntrack', status: 'all', page: 1 });
    expect(solar.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(['3', '2']);
    const energie = listPage(rows, { search: 'ENERGIE', status: 'all', page: 1 });
    expect(energie.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(['4']);
    const revoked = listPage(rows, { search: 'suntrack', status: 'revoked', page: 1 });
    expect(revoked.sections.flatMap((s) => s.items.map((i) => i.id))).toEqual(['2']);
    expect(listPage(rows, { search: '<img', status: 'all', page: 1 }).matching).toBe(1);
  });

  test('cuts long lists into pages; a page past the end shows the last one', () => {
    const many = Array.from({ length: 53 }, (_, i) =>
      row(`r${i}`, i % 2 ? 'active' : 'revoked', 'App', i, i),
    );
    const first = listPage(many, { search: '', status: 'all', page: 1 }, 25);
    expect(first.pageCount).toBe(3);
    expect(first.sections.map((s) => [s.key, s.items.length, s.total])).toEqual([['active', 25, 26]]);
    const second = listPage(many, { search: '', status: 'all', page: 2 }, 25);
    expect(second.sections.map((s) => [s.key, s.items.length])).toEqual([
      ['active', 1],
      ['history', 24],
    ]);
    const beyond = listPage(many, { search: '', status: 'all', page: 9 }, 25);
    expect(beyond.page).toBe(3);
    expect(beyond.sections.flatMap((s) => s.items)).toHaveLength(3);
  });

  test('no match gives no sections and one (empty) page', () => {
    const none = listPage(rows, { search: 'nothing like this', status: 'all', page: 1 });
    expect(none).toEqual({ sections: [], matching: 0, page: 1, pageCount: 1 });
  });
});

test('countByStatus counts every status, zero included', () => {
  expect(countByStatus([row('1', 'active', 'A'), row('2', 'active', 'B'), row('3', 'denied', 'C')])).toEqual({
    active: 2,
    expired: 0,
    revoked: 0,
    denied: 1,
  });
});
