/**
 * Every cache key in one place, so an update names exactly what it changes. Keys are nested:
 * invalidating ['history'] reaches every zone's series, ['audit'] every change list.
 */
import type { AuditQuery } from '../api.ts';

export const keys = {
  zones: ['zones'] as const,
  /** The plots the map draws: all of them with GeoJSON, an empty list in tile mode. */
  mapPlots: ['plots', 'map'] as const,
  /** Every plot, for the find-land search in tile mode, where the map holds none. */
  searchPlots: ['plots', 'search'] as const,
  /** One zone's plots, asked for in tile mode only (with GeoJSON the map's list holds them). */
  zonePlots: (zoneId: string) => ['plots', 'zone', zoneId] as const,
  zonePlotsPrefix: ['plots', 'zone'] as const,
  plot: (id: string) => ['plot', id] as const,
  plotPrefix: ['plot'] as const,
  stats: ['stats'] as const,
  context: ['context'] as const,
  sources: ['sources'] as const,
  basemaps: ['basemaps'] as const,
  session: ['session'] as const,
  zoneHistory: (zoneId: string) => ['history', zoneId] as const,
  histories: ['histories'] as const,
  historyPrefix: ['history'] as const,
  audit: (q: AuditQuery) => ['audit', q] as const,
  auditPrefix: ['audit'] as const,
  targets: ['targets'] as const,
  tour: ['tour'] as const,
  yearly: ['yearly'] as const,
  provinceFacts: ['province-facts'] as const,
  users: ['users'] as const,
  enquiries: ['enquiries'] as const,
};
