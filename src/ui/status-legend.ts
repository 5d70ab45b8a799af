import { VERIFICATION_STATUSES, type VerificationStatus } from '../bibliography/lint.ts';
import { strings } from './strings.ts';

/** The verification statuses a legend explains, in order of confidence (the bibliography's own list). */
export const LEGEND_STATUSES = VERIFICATION_STATUSES;
export type LegendStatus = VerificationStatus;

/** A status as the reference lists show it. */
export const statusLabel = (status: LegendStatus): string => strings.status[status];
