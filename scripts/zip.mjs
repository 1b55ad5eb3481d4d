// Reads the table of contents of a zip file (a .vsix is one), with no dependency: the central
// directory lists every entry's name and sizes.
import { readFileSync } from 'node:fs';

/**
 * The entries of the zip file at `path`, in stored order: `{ name, size, compressedSize }`, sizes
 * in bytes. Throws when the file has no end-of-central-directory record (not a zip, or cut short).
 * Zip64 archives are not read (a .vsix over 4 GiB is not a concern here).
 */
export function listZip(path) {
  const zip = readFileSync(path);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: central directory entry ${i} is damaged`);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size, compressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
