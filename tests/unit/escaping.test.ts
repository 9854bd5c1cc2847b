import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ContactCard from '../../src/components/ContactCard.astro';
import { useTranslations } from '../../src/lib/i18n';
import { contactSchema } from '../../src/schemas/contact';

describe('content is rendered as text, never as HTML', () => {
  it('escapes a script tag written into a content field', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const data = contactSchema.parse({
      country: 'ro',
      organisation: { en: attack },
      name: { en: `Helpline ${attack}` },
      purposes: ['trafficking'],
      phones: [{ number: '+40800800678', note: { en: attack } }],
      verified: { date: '2026-11-25', method: 'desk-research', source: 'S1 test' },
      status: 'confirmed',
      sources: ['S1 test'],
    });
    const container = await AstroContainer.create();
    const html = await container.renderToString(ContactCard, {
      props: { contact: { id: 'ro/test', data }, t: useTranslations('en') },
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert');
  });
});
