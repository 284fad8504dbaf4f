import { PNG } from 'pngjs';

/** Sizes Teams requires: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package */
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, whatever the file's own colour type. */
  data: Uint8Array;
}

export function readPng(file: Uint8Array): Pixels {
  const png = PNG.sync.read(Buffer.from(file));
  return { width: png.width, height: png.height, data: png.data };
}

function sizeProblem(name: string, p: Pixels, size: number): string[] {
  return p.width === size && p.height === size ? [] : [`${name} must be ${size}×${size} pixels (it is ${p.width}×${p.height})`];
}

export function checkColorIcon(file: Uint8Array, name = 'color.png'): string[] {
  return sizeProblem(name, readPng(file), COLOR_SIZE);
}

/**
 * Teams tints the outline icon itself, so it must be white on transparent:
 * every pixel is either fully transparent or pure white (any opacity).
 */
export function checkOutlineIcon(file: Uint8Array, name = 'outline.png'): string[] {
  const p = readPng(file);
  const problems = sizeProblem(name, p, OUTLINE_SIZE);
  let transparent = 0;
  let white = 0;
  let other = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const [r, g, b, a] = [p.data[i], p.data[i + 1], p.data[i + 2], p.data[i + 3]];
    if (a === 0) transparent++;
    else if (r === 255 && g === 255 && b === 255) white++;
    else other++;
  }
  if (other > 0) problems.push(`${name} must use only white (#FFFFFF) and transparent pixels (found ${other} of another colour)`);
  if (transparent === 0) problems.push(`${name} must have a transparent background`);
  if (white === 0) problems.push(`${name} has no visible white shape`);
  return problems;
}
