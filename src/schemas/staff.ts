/**
 * Staff-only content (content/staff/): the crisis response plan, the
 * identification checklists and each station's internal contacts. Read only
 * by the staff build (src/staff/); nothing in the public site imports this.
 */
import { z } from 'zod';
import { hours, isoDate, localizedText, phone, verified } from './common';

/** The six situations the plan covers, in the order it shows them. */
export const SITUATIONS = [
  'suspected-trafficking',
  'child-at-risk',
  'forced-begging',
  'violence-now',
  'missing-person',
  'no-common-language',
] as const;
export const situationId = z.enum(SITUATIONS);

/**
 * Who to call. Public roles take their numbers from the country's contacts;
 * internal roles only from the station's staff file.
 */
export const STAFF_ROLES = [
  'emergency',
  'police',
  'station-security',
  'child-protection',
  'anti-trafficking',
  'missing-person',
  'on-call-ngo',
  'interpreting',
] as const;
export const staffRole = z.enum(STAFF_ROLES);

/** Machine-drafted text says so on every page until someone signs it off. */
export const staffReview = z.discriminatedUnion('status', [
  z.object({ status: z.literal('machine-drafted') }).strict(),
  z
    .object({
      status: z.literal('reviewed'),
      date: isoDate,
      by: z.string().min(3, 'name who reviewed it (organisation and role)'),
    })
    .strict(),
]);

const steps = z.array(localizedText).min(1);

export const situationSchema = z
  .object({
    id: situationId,
    title: localizedText,
    /** When this section applies. */
    when: localizedText,
    firstActions: steps,
    /** Who to call, in this order. */
    call: z.array(z.object({ role: staffRole, when: localizedText.optional() }).strict()).min(1),
    writeDown: steps,
    doNot: steps,
  })
  .strict();

/** content/staff/plan.yaml */
export const staffPlanSchema = z
  .object({
    review: staffReview,
    /** `template` until adapted to a station and signed off. */
    status: z.enum(['template', 'adopted']),
    intro: localizedText,
    situations: z.array(situationSchema),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const ids = plan.situations.map((s) => s.id);
    for (const id of SITUATIONS) {
      if (!ids.includes(id))
        ctx.addIssue({
          code: 'custom',
          path: ['situations'],
          message: `the plan needs a section for "${id}"; add it`,
        });
    }
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({
          code: 'custom',
          path: ['situations', index, 'id'],
          message: `"${id}" appears twice; keep one section per situation`,
        });
    });
  });

/** content/staff/checklists/{slug}.yaml */
export const checklistSchema = z
  .object({
    order: z.number().int(),
    review: staffReview,
    /** The plan section to follow when something is ticked. */
    situation: situationId,
    title: localizedText,
    intro: localizedText,
    items: z.array(localizedText).min(3),
    then: localizedText,
  })
  .strict();

/**
 * An internal number of one station. `template` means "to be filled in": it
 * has no number yet and prints as a blank to fill in.
 */
export const internalContactSchema = z
  .object({
    role: staffRole,
    status: z.enum(['template', 'unverified', 'confirmed']),
    /** Who answers, e.g. "Security control room, ground floor". */
    name: localizedText.optional(),
    phones: z.array(phone).default([]),
    hours: hours.optional(),
    note: localizedText.optional(),
    verified: verified.optional(),
  })
  .strict()
  .superRefine((contact, ctx) => {
    if (contact.status === 'template' && contact.phones.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message:
          'a contact with a number is no longer a template; set status: unverified, or confirmed with `verified`',
      });
    }
    if (contact.status !== 'template' && contact.phones.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['phones'],
        message: 'add the number, or set status: template while it is unknown',
      });
    }
    if (contact.status === 'confirmed' && !contact.verified) {
      ctx.addIssue({
        code: 'custom',
        path: ['verified'],
        message: 'a confirmed contact needs `verified` with date, method and source',
      });
    }
  });

/** content/staff/stations/{country}/{station}.yaml */
export const stationStaffSchema = z
  .object({
    status: z.enum(['template', 'adopted']),
    contacts: z.array(internalContactSchema).default([]),
    /** A quiet, supervised place to take a person (e.g. "Staff room behind the ticket office"). */
    safePlace: localizedText.optional(),
    notes: localizedText.optional(),
  })
  .strict();

export type StaffRole = z.infer<typeof staffRole>;
export type Situation = z.infer<typeof situationSchema>;
export type StaffPlanData = z.infer<typeof staffPlanSchema>;
export type ChecklistData = z.infer<typeof checklistSchema>;
export type InternalContact = z.infer<typeof internalContactSchema>;
export type StationStaffData = z.infer<typeof stationStaffSchema>;
