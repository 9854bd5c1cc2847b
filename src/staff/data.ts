/**
 * The staff build's data: the public site model (stations, countries and
 * their contacts) plus content/staff, read once. Only src/staff/ imports this.
 */
import { getSite, type Country, type Site, type Station } from '../data/site';
import { readStaffContent, type StaffContent } from '../data/read-staff';
import type { StationStaffData } from '../schemas/staff';
import { config } from '../config';

export interface StaffSite {
  readonly site: Site;
  readonly staff: StaffContent;
  /** A station's internal contacts, when it has a staff file. */
  staffOf(station: Station): StationStaffData | undefined;
}

const stationId = (station: Station) => `${station.country.code}/${station.slug}`;

async function loadStaffSite(): Promise<StaffSite> {
  const site = await getSite();
  const stations = site.stations.map((station) => ({ id: stationId(station), file: '', data: station.data }));
  const { staff } = readStaffContent(config.contentDir, { stations });
  const byStation = new Map(staff.stations.map((entry) => [entry.id, entry.data]));
  return { site, staff, staffOf: (station) => byStation.get(stationId(station)) };
}

let staffSite: Promise<StaffSite> | undefined;

export function getStaffSite(): Promise<StaffSite> {
  staffSite ??= loadStaffSite();
  return staffSite;
}

export async function planRoutes() {
  const { site } = await getStaffSite();
  return site.stations.map((station) => ({
    params: { country: station.country.code, station: station.slug },
    props: { station },
  }));
}

export async function checklistRoutes() {
  const { site } = await getStaffSite();
  return site.countries.map((country) => ({ params: { country: country.code }, props: { country } }));
}

export type PlanProps = { station: Station };
export type ChecklistProps = { country: Country };
