// The classic libpcap file format: a 24-byte global header, then per frame a 16-byte record
// header (seconds, microseconds, captured and original length) and the frame. Little-endian
// (magic a1b2c3d4 written as d4 c3 b2 a1), microsecond timestamps, link type 1 (Ethernet).

export interface CapturedFrame {
  /** Capture time in microseconds since the Unix epoch. */
  atUs: number;
  bytes: Uint8Array;
}

const LINKTYPE_ETHERNET = 1;
const SNAPLEN = 65_535;
const GLOBAL_HEADER_BYTES = 24;
const RECORD_HEADER_BYTES = 16;

export function writePcap(frames: readonly CapturedFrame[]): Uint8Array<ArrayBuffer> {
  const total = frames.reduce(
    (n, f) => n + RECORD_HEADER_BYTES + f.bytes.length,
    GLOBAL_HEADER_BYTES,
  );
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true); // version 2.4
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true); // timestamps are UTC
  view.setUint32(12, 0, true); // accuracy
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);
  let at = GLOBAL_HEADER_BYTES;
  for (const frame of frames) {
    view.setUint32(at, Math.floor(frame.atUs / 1_000_000), true);
    view.setUint32(at + 4, frame.atUs % 1_000_000, true);
    view.setUint32(at + 8, frame.bytes.length, true);
    view.setUint32(at + 12, frame.bytes.length, true);
    out.set(frame.bytes, at + RECORD_HEADER_BYTES);
    at += RECORD_HEADER_BYTES + frame.bytes.length;
  }
  return out;
}
