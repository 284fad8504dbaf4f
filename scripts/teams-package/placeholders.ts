/** Teams Toolkit style `${{NAME}}` placeholders, so the template also works with Microsoft's own tools. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface Substituted {
  value: unknown;
  /** Placeholder names with no value, in the order they first appear. */
  missing: string[];
}

/**
 * Replaces placeholders inside string values of parsed JSON.
 * Working on parsed values (not the raw text) means a value can never break the JSON around it.
 */
export function substitutePlaceholders(json: unknown, lookup: (name: string) => string | undefined): Substituted {
  const missing = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(PLACEHOLDER, (whole, name: string) => {
        const found = lookup(name);
        if (found === undefined || found === '') {
          missing.add(name);
          return whole;
        }
        return found;
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const value = walk(json);
  return { value, missing: [...missing] };
}

/** Every placeholder name still present anywhere in the value (keys included, to be safe). */
export function findPlaceholders(json: unknown): string[] {
  const text = JSON.stringify(json) ?? '';
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}
