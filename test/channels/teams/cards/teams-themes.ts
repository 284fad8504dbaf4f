/**
 * The colours Teams gives Adaptive Cards in each theme: per container style, its background and
 * each named text colour as [default, subtle], in `#AARRGGBB` or `#RRGGBB` as the host configs
 * write them.
 *
 * Light and dark are Microsoft's published Teams host configs, as shipped in the Adaptive Cards
 * designer (npm adaptivecards-designer 2.4.4, lib/hostConfigs/microsoft-teams-light.json and
 * microsoft-teams-dark.json, MIT); only the colours are copied here.
 *
 * Microsoft publishes no high-contrast host config. This one is written from Teams' documented
 * high-contrast palette (Fluent UI's teams-high-contrast theme, colors.ts: black background,
 * white text, accessible yellow #ffff00, green #3ff23f, cyan #1aebff, red #f00) under two
 * assumptions, stated so they can be checked: every container style is drawn on black (a high
 * contrast theme has no tinted backgrounds), and subtle text is as bright as default text (it
 * has no dimmed text either).
 */

export type ColourName = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type StyleName = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
export interface ContainerColours {
  background: string;
  foreground: Record<ColourName, [string, string]>;
}
export type Theme = Record<StyleName, ContainerColours>;

const LIGHT_TEXT: ContainerColours['foreground'] = {
  default: ['#ff252424', '#bf252424'],
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
};

const light: Theme = {
  default: { background: '#ffffff', foreground: LIGHT_TEXT },
  emphasis: { background: '#fff9f8f7', foreground: LIGHT_TEXT },
  accent: { background: '#C7DEF9', foreground: LIGHT_TEXT },
  good: { background: '#CCFFCC', foreground: LIGHT_TEXT },
  attention: { background: '#FFC5B2', foreground: LIGHT_TEXT },
  warning: { background: '#FFE2B2', foreground: LIGHT_TEXT },
};

const DARK_TEXT: ContainerColours['foreground'] = {
  default: ['#ffffffff', '#bfffffff'],
  dark: ['#ff201f1f', '#ff2d2c2c'],
  light: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
};
// On the pale bands of the dark theme, default text is dark.
const DARK_ON_BAND: ContainerColours['foreground'] = { ...DARK_TEXT, default: ['#ff201f1f', '#ff2d2c2c'] };

const dark: Theme = {
  default: { background: '#ff2d2c2c', foreground: DARK_TEXT },
  emphasis: { background: '#ff292828', foreground: DARK_TEXT },
  accent: { background: '#C7DEF9', foreground: DARK_ON_BAND },
  good: { background: '#CCFFCC', foreground: DARK_ON_BAND },
  attention: { background: '#FFC5B2', foreground: DARK_ON_BAND },
  warning: { background: '#FFE2B2', foreground: DARK_ON_BAND },
};

const HC_TEXT: ContainerColours['foreground'] = {
  default: ['#ffffff', '#ffffff'],
  dark: ['#000000', '#000000'],
  light: ['#ffffff', '#ffffff'],
  accent: ['#1aebff', '#1aebff'],
  good: ['#3ff23f', '#3ff23f'],
  warning: ['#ffff00', '#ffff00'],
  attention: ['#ff0000', '#ff0000'],
};
const onBlack: ContainerColours = { background: '#000000', foreground: HC_TEXT };
const highContrast: Theme = { default: onBlack, emphasis: onBlack, accent: onBlack, good: onBlack, attention: onBlack, warning: onBlack };

export const TEAMS_THEMES = { light, dark, 'high contrast': highContrast } as const;

/** `#RRGGBB` or `#AARRGGBB` as red, green, blue (0–255) and alpha (0–1). */
function parse(hex: string): { rgb: [number, number, number]; alpha: number } {
  const h = hex.replace('#', '');
  const alpha = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const c = h.length === 8 ? h.slice(2) : h;
  return { rgb: [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number], alpha };
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of text in `fg` (its alpha blended over the background) on `bg`. */
export function contrast(fg: string, bg: string): number {
  const back = parse(bg).rgb;
  const front = parse(fg);
  const seen = front.rgb.map((v, i) => front.alpha * v + (1 - front.alpha) * back[i]!) as [number, number, number];
  const [a, b] = [luminance(seen), luminance(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
