#!/usr/bin/env node
// Draws the PNG icons of the installable TaxiBus driver app from its SVG (web/public/icons/taxibus.svg).
// Browsers want 192 and 512 px PNGs to offer installation; the PNGs are committed, this script redraws
// them after the SVG changes: `node scripts/driver-icons.ts`. The square is full-bleed with the bus inside
// the middle 80 %, so the same picture also serves as a maskable icon.
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const dir = fileURLToPath(new URL('../web/public/icons/', import.meta.url));
for (const size of [192, 512])
  await sharp(`${dir}taxibus.svg`, { density: (72 * size) / 512 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(`${dir}taxibus-${size}.png`);
console.log('icons written to', dir);
