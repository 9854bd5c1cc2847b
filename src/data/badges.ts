/**
 * The badge trust list the /verify/ page ships: public keys and revoked
 * badge ids from content/badges/, validated like the rest of content.
 */
import { join } from 'node:path';
import type { ZodType, ZodTypeDef } from 'zod';
import type { BadgeTrust } from '../lib/badge';
import { ContentError, type ContentProblem } from '../lib/content-check';
import { badgeKeysFile, revokedBadgesFile } from '../schemas/badges';
import { firstLine, readYamlFile } from '../node/yaml';

function readList<T>(
  root: string,
  name: string,
  schema: ZodType<T[], ZodTypeDef, unknown>,
  problems: ContentProblem[],
): T[] {
  const file = `content/badges/${name}`;
  const unreadable = (error: unknown) =>
    `cannot read it: ${firstLine(error)}; the file must exist and hold a YAML list ([] when empty)`;
  return (
    readYamlFile(join(root, 'badges', name), file, schema, problems, { unreadable, invalid: unreadable }) ??
    []
  );
}

/**
 * Reads content/badges/ under `root` (the content folder), adding what is
 * wrong to `problems`; the content gate calls it with every other check.
 */
export function checkBadgeTrust(root: string, problems: ContentProblem[]): BadgeTrust {
  const keys = readList(root, 'keys.yaml', badgeKeysFile, problems);
  const revoked = readList(root, 'revoked.yaml', revokedBadgesFile, problems);
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key.id))
      problems.push({
        file: 'content/badges/keys.yaml',
        field: `${index}.id`,
        message: `key id "${key.id}" is used twice; every key needs its own id`,
      });
    seen.add(key.id);
  });
  return {
    keys: keys.map(({ id, issuer, jwk }) => ({
      id,
      issuer,
      jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    })),
    revoked: revoked.map((entry) => entry.id),
  };
}

/** Reads content/badges/ under `root`; throws a ContentError naming every problem. */
export function readBadgeTrust(root: string): BadgeTrust {
  const problems: ContentProblem[] = [];
  const trust = checkBadgeTrust(root, problems);
  if (problems.length > 0) throw new ContentError(problems);
  return trust;
}
