import { describe, expect, it } from 'vitest';
import { matchAnchors, SUCCESSOR, type AnchorText, type Candidate } from '../../src/anchors/match.ts';
import { normalize, similarity } from '../../src/anchors/similarity.ts';

/** Anchors as the manifest records them: kind, the start of the text normalised, the section. */
const p = (text: string, section = 'payments'): AnchorText => ({ kind: 'p', text: normalize(text).slice(0, 200), section });
const heading = (text: string, under?: (string | undefined)[]): Candidate => ({
	kind: 'heading',
	text: normalize(text),
	...(under ? { under } : {}),
});

const QR = 'Merchants adopted printed QR codes because they cost almost nothing to set up.';
const SPREAD = 'Mobile payments spread from Alipay and WeChat Pay to street stalls within five years.';
const RULES = 'Later rules required platforms to hold customer funds with the central bank.';
const SANDBOX = 'Regulators tested new services in a sandbox before allowing them nationwide.';

/** Which published id each candidate inherits (undefined: a new anchor). */
function inherited(published: Record<string, AnchorText>, candidates: Candidate[]): (string | undefined)[] {
	const { successors } = matchAnchors(Object.entries(published), candidates);
	const byIndex = new Map([...successors].map(([id, index]) => [index, id]));
	return candidates.map((_, i) => byIndex.get(i));
}

describe('the anchor matcher', () => {
	const published = { 'payments-p1': p(SPREAD), 'payments-p2': p(QR), 'payments-p3': p(RULES) };

	it('keeps every id when nothing changed', () => {
		expect(inherited(published, [p(SPREAD), p(QR), p(RULES)])).toEqual(['payments-p1', 'payments-p2', 'payments-p3']);
	});

	it('keeps the id of a reworded sentence', () => {
		const reworded = 'Shops took up printed QR codes, since they cost almost nothing to set up and to run.';
		expect(similarity(QR, reworded)).toBeGreaterThanOrEqual(SUCCESSOR);
		expect(inherited(published, [p(SPREAD), p(reworded), p(RULES)])).toEqual(['payments-p1', 'payments-p2', 'payments-p3']);
	});

	it('gives a split paragraph’s id to the part most like it, and a new id to the other', () => {
		const whole = `${SPREAD} ${QR} Cash all but disappeared from the coastal cities.`;
		const split = [p(SPREAD), p(`${QR} Cash all but disappeared from the coastal cities.`)];
		expect(inherited({ 'payments-p1': p(whole) }, split)).toEqual([undefined, 'payments-p1']);
	});

	it('keeps each id with its paragraph when two paragraphs are swapped, edited or not', () => {
		expect(inherited(published, [p(QR), p(SPREAD), p(RULES)])).toEqual(['payments-p2', 'payments-p1', 'payments-p3']);
		const edited = [p(QR.replace('Merchants', 'Small merchants')), p(SPREAD.replace('five', 'six')), p(RULES)];
		expect(inherited(published, edited)).toEqual(['payments-p2', 'payments-p1', 'payments-p3']);
	});

	it('recognises a renamed heading by its words or by the blocks that moved under it', () => {
		const headings = { 'digital-payments': heading('Digital payments'), regulation: heading('Regulation') };
		expect(inherited(headings, [heading('Mobile payments'), heading('Regulation')])).toEqual(['digital-payments', 'regulation']);
		// No word in common, but two of its three blocks were published under "regulation".
		const renamed = heading('Rules and sandboxes', [undefined, 'regulation', 'regulation']);
		expect(inherited(headings, [heading('Digital payments'), renamed])).toEqual(['digital-payments', 'regulation']);
		expect(inherited(headings, [heading('Digital payments'), heading('Rules and sandboxes')])).toEqual(['digital-payments', undefined]);
	});

	it('gives a deleted block’s id to no other block, and names the closest for the author', () => {
		const zebras = p('Zebras graze on the savannah in the early morning.');
		const { successors, unmatched } = matchAnchors(Object.entries(published), [p(SPREAD), p(QR), zebras]);
		expect([...successors.keys()]).toEqual(['payments-p1', 'payments-p2']);
		expect([...unmatched.keys()]).toEqual(['payments-p3']);
		const [closest] = unmatched.get('payments-p3')!;
		expect(closest!.index).toBe(2);
		expect(closest!.score).toBeLessThan(SUCCESSOR);
	});

	it('gives no published id to an unrelated paragraph of the same brief that replaces one', () => {
		expect(inherited(published, [p(SPREAD), p(QR), p(SANDBOX)])).toEqual(['payments-p1', 'payments-p2', undefined]);
	});

	it('leaves a block inserted before the others new, and the others their ids', () => {
		const opening = p('A new opening paragraph about how this section is organised.');
		expect(inherited(published, [opening, p(SPREAD), p(QR), p(RULES)])).toEqual([undefined, 'payments-p1', 'payments-p2', 'payments-p3']);
	});

	it('keeps repeated texts in their order', () => {
		const same = { 'table-p1': p('See the table below.'), 'table-p2': p(QR), 'table-p3': p('See the table below.') };
		expect(inherited(same, [p('See the table below.'), p(QR), p('See the table below.')])).toEqual(['table-p1', 'table-p2', 'table-p3']);
		// One of the two removed: the first keeps the first id; the second id is left for the author to map or retire.
		const { successors, unmatched } = matchAnchors(Object.entries(same), [p('See the table below.'), p(QR)]);
		expect(successors.get('table-p1')).toBe(0);
		expect([...unmatched.keys()]).toEqual(['table-p3']);
	});

	it('never gives an id to an anchor of another kind', () => {
		expect(inherited(published, [{ kind: 'li', text: p(QR).text }])).toEqual([undefined]);
	});

	it('gives each id once, to the most alike of two candidates', () => {
		const closer = p('Merchants adopted printed QR codes because they cost nothing to set up.');
		const further = p('Merchants adopted printed QR codes.');
		expect(inherited({ 'payments-p2': p(QR) }, [further, closer])).toEqual([undefined, 'payments-p2']);
	});
});

describe('word similarity', () => {
	it('is 1 for the same words, whatever the case and punctuation, and 0 for none in common', () => {
		expect(similarity('Digital payments.', 'digital   PAYMENTS')).toBe(1);
		expect(similarity('Digital payments', 'Zebras graze')).toBe(0);
		expect(similarity('', 'text')).toBe(0);
	});

	it('ignores citation keys, and counts each character of Chinese as a word', () => {
		expect(similarity('Klein says so [@klein2020, p. 4].', 'Klein says so.')).toBe(1);
		expect(similarity('互联网加', '互联网')).toBeCloseTo(6 / 7);
	});
});
