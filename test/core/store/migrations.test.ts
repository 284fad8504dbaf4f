import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate, readSchemaVersion, type Migration } from '../../../src/core/store/migrations.js';

describe('readSchemaVersion', () => {
  it('treats a missing version as 0', () => {
    expect(readSchemaVersion({ cases: [] })).toEqual({ ok: true, version: 0 });
  });

  it('accepts the current version', () => {
    expect(readSchemaVersion({ schemaVersion: CURRENT_SCHEMA_VERSION })).toEqual({ ok: true, version: CURRENT_SCHEMA_VERSION });
  });

  it.each([[{ schemaVersion: '1' }], [{ schemaVersion: 1.5 }], [{ schemaVersion: -1 }], [null], [[]]])('refuses %j', (raw) => {
    expect(readSchemaVersion(raw).ok).toBe(false);
  });

  it('refuses a newer version, saying which', () => {
    const check = readSchemaVersion({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(check).toMatchObject({ ok: false, newer: CURRENT_SCHEMA_VERSION + 1, problem: expect.stringContaining('newer version of the bot') });
  });
});

describe('migrate', () => {
  it('adds revision 0 to legacy cases without touching the input', () => {
    const raw = { schoolId: 'oak-primary', cases: [{ id: 'a' }, { id: 'b', revision: 4 }] };
    const before = structuredClone(raw);
    expect(migrate(raw, 0, 1)).toEqual({
      ok: true,
      value: { schemaVersion: 1, schoolId: 'oak-primary', cases: [{ id: 'a', revision: 0 }, { id: 'b', revision: 4 }] },
    });
    expect(raw).toEqual(before);
  });

  it('passes malformed input through for validation to report', () => {
    expect(migrate({ cases: 'nope' }, 0)).toEqual({ ok: true, value: { schemaVersion: CURRENT_SCHEMA_VERSION, cases: 'nope' } });
  });

  it('takes a version 1 school file to version 2 with its cases exactly as they were', () => {
    const cases = [{ id: 'a', flags: { lookedAfter: true }, revision: 3 }, { id: 'b', facts: [{ fact: 'care' }], revision: 1 }];
    expect(migrate({ schemaVersion: 1, schoolId: 'oak-primary', cases }, 1, 2)).toEqual({ ok: true, value: { schemaVersion: 2, schoolId: 'oak-primary', cases } });
  });

  it('leaves a current file alone', () => {
    const raw = { schemaVersion: CURRENT_SCHEMA_VERSION };
    expect(migrate(raw, CURRENT_SCHEMA_VERSION)).toEqual({ ok: true, value: raw });
  });

  it('chains steps in order', () => {
    const steps: Migration[] = [
      { from: 1, to: 2, migrate: (r) => ({ ...(r as object), two: true }) },
      { from: 0, to: 1, migrate: (r) => ({ ...(r as object), one: true }) },
    ];
    expect(migrate({}, 0, 2, steps)).toEqual({ ok: true, value: { one: true, two: true } });
  });

  it('reports a gap in the path, and a step that does not move forward', () => {
    expect(migrate({}, 0, 2, [{ from: 0, to: 1, migrate: (r) => r }])).toMatchObject({ ok: false });
    expect(migrate({}, 0, 1, [{ from: 0, to: 0, migrate: (r) => r }])).toMatchObject({ ok: false });
  });

  it('has a path from every older version to the current one', () => {
    for (let v = 0; v < CURRENT_SCHEMA_VERSION; v++) expect(migrate({}, v, CURRENT_SCHEMA_VERSION, MIGRATIONS).ok).toBe(true);
  });
});
