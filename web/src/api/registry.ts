/** The registry service's public calls: the station register (服务站名录) and application rounds. */
import type { components, paths } from './generated/registry';
import { call, serviceClient } from './client';

type Schemas = components['schemas'];

export type PublicStation = Schemas['PublicStationView'];
export type StationPage = Schemas['Page_PublicStationView_'];
export type ServiceCategory = Schemas['ServiceCategory'];
export type OperatorType = Schemas['OperatorType'];
export type Round = Schemas['RoundView'];
export type Convention = Schemas['ConventionText'];
export type StationQuery = NonNullable<paths['/public/stations']['get']['parameters']['query']>;

const client = serviceClient<paths>('registry');

export function findStations(query: StationQuery): Promise<StationPage> {
  return call(() => client.GET('/public/stations', { params: { query } }));
}

export function getStation(stationId: string): Promise<PublicStation> {
  return call(() =>
    client.GET('/public/stations/{station_id}', { params: { path: { station_id: stationId } } }),
  );
}

/** The newest application rounds (one a year), newest first: the first page, of up to 50. */
export async function listRounds(): Promise<Round[]> {
  const page = await call(() => client.GET('/rounds'));
  return page.items;
}

export function getRound(year: number): Promise<Round> {
  return call(() => client.GET('/rounds/{year}', { params: { path: { year } } }));
}

export function currentConvention(): Promise<Convention> {
  return call(() => client.GET('/public/convention'));
}
