import { strings } from './strings.ts';

/** The verification statuses a legend explains, in order of confidence. */
export const LEGEND_STATUSES = ['verified', 'likely', 'unverified', 'unchecked'] as const;
export type LegendStatus = (typeof LEGEND_STATUSES)[number];

/** A status as the reference lists show it ("Not yet checked" until the bibliography's own label for it exists). */
export const statusLabel = (status: LegendStatus): string => (strings.status as Record<string, string>)[status] ?? strings.statusUnchecked;
