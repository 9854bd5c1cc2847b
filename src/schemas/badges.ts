import { z } from 'zod';
import { isoDate, name, text } from './common';

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'paste the 43-character base64url value printed by `npm run badge:keygen`');

/** One public key that signs helper badges (content/badges/keys.yaml). Only public keys ever go in content. */
export const badgeKeySchema = z
  .object({
    /** The key id badges carry ("kid"); never reuse one. */
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,40}$/,
        'use lower-case letters, digits and hyphens, for example "coordinator-2026"',
      ),
    /** Who holds the private key and signs badges. */
    issuer: name().pipe(z.string().min(3, 'name the organisation that holds the private key')),
    added: isoDate,
    jwk: z
      .object({
        kty: z.literal('EC'),
        crv: z.literal('P-256'),
        x: base64url,
        y: base64url,
        d: z
          .unknown()
          .refine(
            (value) => value === undefined,
            'this is a PRIVATE key: delete it from the repository at once, make a new key pair, and paste only the public part',
          ),
      })
      .strict(),
  })
  .strict();

/** A badge voided before its expiry (content/badges/revoked.yaml). */
export const revokedBadgeSchema = z
  .object({
    /** The badge id printed by `npm run badge:sign`. */
    id: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'paste the badge id printed by `npm run badge:sign`'),
    revoked: isoDate,
    /** For the people who keep this list; not shown to visitors. */
    note: text().optional(),
  })
  .strict();

export const badgeKeysFile = z.array(badgeKeySchema);
export const revokedBadgesFile = z.array(revokedBadgeSchema);
