/** Dates as readers expect them, in UTC so that the build does not depend on the machine's zone. */
export const formatDate = (date: Date) =>
	date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
