/**
 * The HTTP API's contract, written once: every JSON endpoint under /api with its route
 * (geodata/routes.ts: method, path, path parameters), query and body schemas
 * (geodata/requests.ts) and answer schema (geodata/api.ts).
 *
 * The server's OpenAPI document is generated from this table (server/openapi/document.ts adds
 * only the prose), a test checks the table against the routes the app really serves, and the
 * client's calls are typed from it (client/api.ts), so the request and answer types the client
 * uses are the very schemas the server validates and documents with.
 */
import type { z } from 'zod';
import * as res from './api.ts';
import { basemapsResponse } from './basemaps.ts';
import {
  auditQuery,
  enquiryBody,
  enquiryPatchBody,
  historyQuery,
  infrastructurePatchBody,
  loginBody,
  mergeBody,
  plotPatchBody,
  plotsQuery,
  splitBody,
  userCreateBody,
  userPatchBody,
  zonePatchBody,
} from './requests.ts';
import { provinceFactsSchema } from './province-facts.ts';
import { routes, type Route, type RouteName } from './routes.ts';
import { tourSchema } from './targets.ts';

export { CSRF_HEADER } from './routes.ts';

export type Endpoint = Route & {
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer; absent for 204. */
  response?: z.ZodType;
  status: 200 | 201 | 204;
  /** The answer carries an ETag naming the record's version. */
  etag?: boolean;
  /** If-Match with that ETag is required (428 without, 412 when stale). */
  ifMatch?: boolean;
  access: 'public' | 'planner' | 'admin';
};

const get = <N extends RouteName, R extends z.ZodType>(name: N, response: R) => ({ ...routes[name], response, status: 200, access: 'public' }) as const;

export const endpoints = {
  health: get('health', res.health),
  zones: get('zones', res.zoneCollection),
  zone: { ...get('zone', res.zoneApiFeature), etag: true },
  zonePlots: get('zonePlots', res.plotCollection),
  zoneHistory: get('zoneHistory', res.zoneHistory),
  histories: { ...get('histories', res.zoneHistories), query: historyQuery },
  patchZone: { ...routes.patchZone, body: zonePatchBody, response: res.zoneApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner' },
  patchInfrastructure: { ...routes.patchInfrastructure, body: infrastructurePatchBody, response: res.zoneApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner' },
  plots: { ...get('plots', res.plotCollection), query: plotsQuery },
  plot: { ...get('plot', res.plotApiFeature), etag: true },
  patchPlot: { ...routes.patchPlot, body: plotPatchBody, response: res.plotApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner' },
  splitPlot: { ...routes.splitPlot, body: splitBody, response: res.plotCollection, status: 201, access: 'planner' },
  mergePlots: { ...routes.mergePlots, body: mergeBody, response: res.plotApiFeature, status: 201, etag: true, access: 'planner' },
  stats: get('stats', res.stats),
  sources: get('sources', res.sourcesResponse),
  context: get('context', res.contextCollection),
  basemaps: get('basemaps', basemapsResponse),
  targets: get('targets', res.targetsResponse),
  yearly: get('yearly', res.yearlyResponse),
  provinceFacts: get('provinceFacts', provinceFactsSchema),
  tour: { ...get('tour', res.tour), etag: true },
  putTour: { ...routes.putTour, body: tourSchema, response: res.tour, status: 200, etag: true, ifMatch: true, access: 'planner' },
  sendEnquiry: { ...routes.sendEnquiry, body: enquiryBody, response: res.enquiryCreated, status: 201, access: 'public' },
  enquiries: { ...get('enquiries', res.enquiriesResponse), access: 'planner' },
  patchEnquiry: { ...routes.patchEnquiry, body: enquiryPatchBody, response: res.enquiry, status: 200, access: 'planner' },
  session: get('session', res.sessionInfo),
  signIn: { ...routes.signIn, body: loginBody, response: res.sessionInfo, status: 200, access: 'public' },
  signOut: { ...routes.signOut, status: 204, access: 'planner' },
  users: { ...get('users', res.usersResponse), access: 'admin' },
  createUser: { ...routes.createUser, body: userCreateBody, response: res.userRecord, status: 201, access: 'admin' },
  patchUser: { ...routes.patchUser, body: userPatchBody, response: res.userRecord, status: 200, access: 'admin' },
  clearSignInLock: { ...routes.clearSignInLock, response: res.signInLockCleared, status: 200, access: 'admin' },
  audit: { ...get('audit', res.auditResponse), query: auditQuery, access: 'planner' },
} as const satisfies Record<RouteName, Endpoint>;

export type EndpointName = keyof typeof endpoints;
type Def<N extends EndpointName> = (typeof endpoints)[N];

/** What an endpoint answers with. */
export type Answer<N extends EndpointName> = Def<N> extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;
/** The body an endpoint takes: what its schema produces (the client checks a form with the same schema first). */
export type Body<N extends EndpointName> = Def<N> extends { body: infer S extends z.ZodType } ? z.output<S> : never;
/** The query an endpoint takes, as the strings of a URL. */
export type Query<N extends EndpointName> = Def<N> extends { query: infer S extends z.ZodType } ? { [K in keyof z.input<S>]?: string | number } : never;
