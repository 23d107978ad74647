/**
 * Where each endpoint of the HTTP API lives: its method, its path under /api and the path
 * parameters that fill it, apart from its schemas (geodata/contract.ts adds them). The browser
 * needs only this to make a call: keeping the schemas out lets the first view load without zod,
 * whose schemas cost ~60 ms to build before the map could start; forms load them when opened.
 */

/** The header every state-changing request carries the session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

export type PathParam = 'zoneId' | 'plotId' | 'userId' | 'enquiryId' | 'item';

export type Route = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api; each {name} is filled from `params`, in order. */
  path: string;
  params?: readonly PathParam[];
};

export const routes = {
  health: { method: 'get', path: '/health' },
  zones: { method: 'get', path: '/zones' },
  zone: { method: 'get', path: '/zones/{id}', params: ['zoneId'] },
  zonePlots: { method: 'get', path: '/zones/{id}/plots', params: ['zoneId'] },
  zoneHistory: { method: 'get', path: '/zones/{id}/history', params: ['zoneId'] },
  histories: { method: 'get', path: '/history' },
  patchZone: { method: 'patch', path: '/zones/{id}', params: ['zoneId'] },
  patchInfrastructure: { method: 'patch', path: '/zones/{id}/infrastructure/{item}', params: ['zoneId', 'item'] },
  plots: { method: 'get', path: '/plots' },
  plot: { method: 'get', path: '/plots/{id}', params: ['plotId'] },
  patchPlot: { method: 'patch', path: '/plots/{id}', params: ['plotId'] },
  splitPlot: { method: 'post', path: '/plots/{id}/split', params: ['plotId'] },
  mergePlots: { method: 'post', path: '/plots/merge' },
  stats: { method: 'get', path: '/stats' },
  sources: { method: 'get', path: '/sources' },
  context: { method: 'get', path: '/context' },
  basemaps: { method: 'get', path: '/basemaps' },
  targets: { method: 'get', path: '/targets' },
  yearly: { method: 'get', path: '/yearly' },
  provinceFacts: { method: 'get', path: '/province-facts' },
  tour: { method: 'get', path: '/tour' },
  putTour: { method: 'put', path: '/tour' },
  sendEnquiry: { method: 'post', path: '/enquiries' },
  enquiries: { method: 'get', path: '/enquiries' },
  patchEnquiry: { method: 'patch', path: '/enquiries/{id}', params: ['enquiryId'] },
  session: { method: 'get', path: '/session' },
  signIn: { method: 'post', path: '/session' },
  signOut: { method: 'delete', path: '/session' },
  users: { method: 'get', path: '/users' },
  createUser: { method: 'post', path: '/users' },
  patchUser: { method: 'patch', path: '/users/{id}', params: ['userId'] },
  clearSignInLock: { method: 'delete', path: '/users/{id}/sign-in-lock', params: ['userId'] },
  audit: { method: 'get', path: '/audit' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;
