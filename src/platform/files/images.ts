import sharp, { type Sharp } from 'sharp';
import { AppError } from '../http/errors.ts';
import type { FileTypeKey } from './purposes.ts';

// A decompression bomb stops here: 40 megapixels is more than any phone photo.
const MAX_PIXELS = 40_000_000;

// libvips would otherwise keep deleted temporary uploads open in its file cache.
sharp.cache({ files: 0 });

const ENCODERS: Partial<Record<FileTypeKey, (image: Sharp) => Sharp>> = {
  jpeg: (image) => image.jpeg({ quality: 90 }),
  png: (image) => image.png(),
  webp: (image) => image.webp({ quality: 90 }),
};

/**
 * Re-encodes an image into `target` in its own format, with its EXIF orientation applied and every
 * metadata block (EXIF with the GPS position, XMP, IPTC, comments) dropped, as sharp does by default.
 */
export async function reencodeImage(source: string, target: string, type: FileTypeKey): Promise<void> {
  const encode = ENCODERS[type];
  if (!encode) throw new Error(`not an image type: ${type}`);
  try {
    await encode(sharp(source, { failOn: 'error', limitInputPixels: MAX_PIXELS }).rotate()).toFile(target);
  } catch {
    throw new AppError('files.image_unreadable', 422);
  }
}
