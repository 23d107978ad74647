/**
 * The HTTP API's contract, written once: every JSON endpoint under /api with its path, path
 * parameters, query and body schemas (geodata/requests.ts) and answer schema (geodata/api.ts).
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
import { tourSchema } from './targets.ts';

/** The header every state-changing request carries the session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

export type PathParam = 'zoneId' | 'plotId' | 'userId' | 'enquiryId' | 'item';

export type Endpoint = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api; each {name} is filled from `params`, in order. */
  path: string;
  params?: readonly PathParam[];
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

const get = <R extends z.ZodType>(path: string, response: R) => ({ method: 'get', path, response, status: 200, access: 'public' }) as const;

export const endpoints = {
  health: get('/health', res.health),

  zones: get('/zones', res.zoneCollection),
  zone: { ...get('/zones/{id}', res.zoneApiFeature), params: ['zoneId'], etag: true },
  zonePlots: { ...get('/zones/{id}/plots', res.plotCollection), params: ['zoneId'] },
  zoneHistory: { ...get('/zones/{id}/history', res.zoneHistory), params: ['zoneId'] },
  histories: { ...get('/history', res.zoneHistories), query: historyQuery },
  patchZone: { method: 'patch', path: '/zones/{id}', params: ['zoneId'], body: zonePatchBody, response: res.zoneApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner' },
  patchInfrastructure: {
    method: 'patch', path: '/zones/{id}/infrastructure/{item}', params: ['zoneId', 'item'], body: infrastructurePatchBody, response: res.zoneApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner',
  },

  plots: { ...get('/plots', res.plotCollection), query: plotsQuery },
  plot: { ...get('/plots/{id}', res.plotApiFeature), params: ['plotId'], etag: true },
  patchPlot: { method: 'patch', path: '/plots/{id}', params: ['plotId'], body: plotPatchBody, response: res.plotApiFeature, status: 200, etag: true, ifMatch: true, access: 'planner' },
  splitPlot: { method: 'post', path: '/plots/{id}/split', params: ['plotId'], body: splitBody, response: res.plotCollection, status: 201, access: 'planner' },
  mergePlots: { method: 'post', path: '/plots/merge', body: mergeBody, response: res.plotApiFeature, status: 201, etag: true, access: 'planner' },

  stats: get('/stats', res.stats),
  sources: get('/sources', res.sourcesResponse),
  context: get('/context', res.contextCollection),
  basemaps: get('/basemaps', basemapsResponse),
  targets: get('/targets', res.targetsResponse),
  yearly: get('/yearly', res.yearlyResponse),
  provinceFacts: get('/province-facts', provinceFactsSchema),
  tour: { ...get('/tour', res.tour), etag: true },
  putTour: { method: 'put', path: '/tour', body: tourSchema, response: res.tour, status: 200, etag: true, ifMatch: true, access: 'planner' },

  sendEnquiry: { method: 'post', path: '/enquiries', body: enquiryBody, response: res.enquiryCreated, status: 201, access: 'public' },
  enquiries: { ...get('/enquiries', res.enquiriesResponse), access: 'planner' },
  patchEnquiry: { method: 'patch', path: '/enquiries/{id}', params: ['enquiryId'], body: enquiryPatchBody, response: res.enquiry, status: 200, access: 'planner' },

  session: get('/session', res.sessionInfo),
  signIn: { method: 'post', path: '/session', body: loginBody, response: res.sessionInfo, status: 200, access: 'public' },
  signOut: { method: 'delete', path: '/session', status: 204, access: 'planner' },
  users: { ...get('/users', res.usersResponse), access: 'admin' },
  createUser: { method: 'post', path: '/users', body: userCreateBody, response: res.userRecord, status: 201, access: 'admin' },
  patchUser: { method: 'patch', path: '/users/{id}', params: ['userId'], body: userPatchBody, response: res.userRecord, status: 200, access: 'admin' },
  clearSignInLock: { method: 'delete', path: '/users/{id}/sign-in-lock', params: ['userId'], response: res.signInLockCleared, status: 200, access: 'admin' },
  audit: { ...get('/audit', res.auditResponse), query: auditQuery, access: 'planner' },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
type Def<N extends EndpointName> = (typeof endpoints)[N];

/** What an endpoint answers with. */
export type Answer<N extends EndpointName> = Def<N> extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;
/** The body an endpoint takes: what its schema produces (the client checks a form with the same schema first). */
export type Body<N extends EndpointName> = Def<N> extends { body: infer S extends z.ZodType } ? z.output<S> : never;
/** The query an endpoint takes, as the strings of a URL. */
export type Query<N extends EndpointName> = Def<N> extends { query: infer S extends z.ZodType } ? { [K in keyof z.input<S>]?: string | number } : never;
