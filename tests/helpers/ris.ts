/**
 * A deliberately separate RIS reader for tests: records of `TAG  - value`
 * lines, from `TY` to `ER`, continuation lines joined to the previous value.
 */
export function parseRis(text: string): Record<string, string[]>[] {
	const records: Record<string, string[]>[] = [];
	let current: Record<string, string[]> | undefined;
	let last: string | undefined;
	for (const line of text.split(/\r?\n/)) {
		const tagged = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
		if (!tagged) {
			if (current && last && line.trim()) current[last]!.push(current[last]!.pop() + ' ' + line.trim());
			continue;
		}
		const [, tag, value] = tagged as unknown as [string, string, string];
		if (tag === 'TY') current = {};
		if (!current) throw new Error(`RIS: ${tag} before TY`);
		if (tag === 'ER') {
			records.push(current);
			current = undefined;
			continue;
		}
		(current[tag] ??= []).push(value.trim());
		last = tag;
	}
	if (current) throw new Error('RIS: record without ER');
	return records;
}
