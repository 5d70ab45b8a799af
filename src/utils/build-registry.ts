/**
 * A map shared, during one build, by the Markdown plugins that fill it and
 * the integrations that read it. Kept on globalThis because Vite may load the
 * two as separate module instances.
 */
export function buildRegistry<K, V>(name: string): Map<K, V> {
	const shared = globalThis as Record<string, unknown>;
	return (shared[`__sourced_${name}`] ??= new Map<K, V>()) as Map<K, V>;
}
