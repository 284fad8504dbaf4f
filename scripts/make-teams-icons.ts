/**
 * Draws the two Teams app icons into manifest/teams: six white steps (the graduated response's Steps 1 to 6).
 * Run once with `npm run icons:teams` and commit the PNGs; the package script only reads them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { COLOR_SIZE, OUTLINE_SIZE } from './teams-package/icons.js';
import { TEMPLATE_DIR } from './teams-package/paths.js';

type Rgba = readonly [number, number, number, number];

/** Same colour as accentColor in manifest.json, so the icon and its tile match. */
const TEAL: Rgba = [0x1f, 0x6f, 0x78, 255];
const WHITE: Rgba = [255, 255, 255, 255];
/** Transparent white, so even the invisible pixels pass a strict "white or transparent only" check. */
const CLEAR: Rgba = [255, 255, 255, 0];
const STEPS = 6;

function canvas(size: number, fill: Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(fill, i);
  return png;
}

/** A staircase rising left to right inside the square box [left, left + span). */
function drawSteps(png: PNG, left: number, span: number, colour: Rgba): void {
  const step = span / STEPS;
  const bottom = left + span;
  for (let s = 0; s < STEPS; s++) {
    const x0 = Math.round(left + s * step);
    const x1 = Math.round(left + (s + 1) * step);
    const y0 = Math.round(bottom - (s + 1) * step);
    for (let y = y0; y < bottom; y++) for (let x = x0; x < x1; x++) png.data.set(colour, (y * png.width + x) * 4);
  }
}

// Colour icon: solid background (Teams rounds the corners itself); the symbol stays inside the
// central 120×120 area Microsoft's icon guidance asks for, leaving 36px on each side.
const color = canvas(COLOR_SIZE, TEAL);
drawSteps(color, 36, 120, WHITE);
// RGB with no alpha channel: the colour icon is opaque by construction.
writeFileSync(join(TEMPLATE_DIR, 'color.png'), PNG.sync.write(color, { colorType: 2 }));

// Outline icon: white on transparent with a small margin; Teams tints it to match the theme.
const outline = canvas(OUTLINE_SIZE, CLEAR);
drawSteps(outline, 4, 24, WHITE);
writeFileSync(join(TEMPLATE_DIR, 'outline.png'), PNG.sync.write(outline, { colorType: 6 }));

process.stdout.write(`Wrote color.png (${COLOR_SIZE}×${COLOR_SIZE}) and outline.png (${OUTLINE_SIZE}×${OUTLINE_SIZE}) to ${TEMPLATE_DIR}\n`);
