/**
 * /data/hsds/{country}.json: the country's service directory as Open Referral
 * HSDS 3.0 JSON, written at build time (see src/hsds/export.ts for the mapping).
 */
import type { APIRoute } from 'astro';
import { hsdsRoutes, type HsdsProps } from '../../../data/routes';
import type { Service } from '../../../data/site';
import { languageName } from '../../../lib/format';
import { toHsds } from '../../../hsds/export';
import { useTranslations } from '../../../lib/i18n';
import { audience, serviceOffer } from '../../../schemas/service';

export const getStaticPaths = hsdsRoutes;

export const GET: APIRoute = ({ props }) => {
  const { country } = props as HsdsProps;
  const t = useTranslations('en');
  const services = new Map<string, Service>();
  const stations = new Map<string, { id: string; name: string }[]>();
  for (const station of country.stations) {
    for (const service of station.services) {
      services.set(service.id, service);
      stations.set(service.id, [
        ...(stations.get(service.id) ?? []),
        { id: `${country.code}/${station.slug}`, name: station.data.name },
      ]);
    }
  }
  const document = toHsds({
    country: { code: country.code, timezone: country.data.timezone },
    services: [...services.values()],
    stations,
    labels: {
      offers: Object.fromEntries(serviceOffer.options.map((offer) => [offer, t(`service.offer.${offer}`)])),
      audience: Object.fromEntries(audience.options.map((who) => [who, t(`service.audience.${who}`)])),
    },
    languageName: (code) => languageName(code, 'en'),
  });
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
