import { describe, expect, test } from 'vitest';
import { defaultPasswordWarning } from '../../../src/runtime/default-password-warning.ts';
import { loadRuntimeSettings } from '../../../src/runtime/runtime-settings.ts';

describe('the default-password warning of db:start and up', () => {
  test('warns when NEO4J_PASSWORD is unset, so the published default is in use', () => {
    const warning = defaultPasswordWarning(loadRuntimeSettings({}).NEO4J_PASSWORD);
    expect(warning).toMatch(/WARNING: Neo4j uses the default password "geograph-local"/);
    expect(warning).toContain('Set NEO4J_PASSWORD');
  });

  test("says nothing when the password is the developer's own", () => {
    expect(
      defaultPasswordWarning(loadRuntimeSettings({ NEO4J_PASSWORD: 'my-own-password' }).NEO4J_PASSWORD),
    ).toBeNull();
  });
});
